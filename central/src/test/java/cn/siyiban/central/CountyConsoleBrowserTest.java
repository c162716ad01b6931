package cn.siyiban.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.testing.TestBrowser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The county console in headless Chromium: the overview grid with the node status columns, a
 * node page whose uPlot chart draws under the page's Content-Security-Policy, and creating a
 * matter, a staff account and reading the network registry through the pages.
 */
class CountyConsoleBrowserTest {

    /** 爱园镇: the point given a status row and plot samples. */
    private static final String TOWNSHIP = "321323101000";

    @RegisterExtension
    static final TestCentral central = TestCentral.perClass();
    private static WebDriver browser;

    @BeforeAll
    static void setUp() {
        prepareTownship();
        browser = TestBrowser.start(true);
    }

    /** Writes a status row and a day of hourly samples for the township, as sync and the sampler would. */
    private static void prepareTownship() {
        central.app.database().inTransaction(connection -> {
            try (PreparedStatement status = connection.prepareStatement("INSERT INTO sy_node_status (point_code, "
                    + "siyiban_version, catalogue_version, free_disk_bytes, total_disk_bytes, database_bytes, "
                    + "reported_at) VALUES (?, '0.1.0-browser', 1, 2000000000, 100000000000, 300000000, ?)")) {
                status.setString(1, TOWNSHIP);
                status.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now()));
                status.executeUpdate();
            }
            try (PreparedStatement sample = connection.prepareStatement("INSERT INTO sy_sync_sample (point_code, "
                    + "sampled_at, outgoing_batches, outgoing_rows, incoming_batches, incoming_rows, error_batches, "
                    + "lag_seconds) VALUES (?, ?, ?, ?, ?, ?, 0, ?)")) {
                LocalDateTime now = LocalDateTime.now();
                for (int hour = 24; hour >= 1; hour--) {
                    sample.setString(1, TOWNSHIP);
                    sample.setTimestamp(2, Timestamp.valueOf(now.minusHours(hour)));
                    sample.setInt(3, hour % 5);
                    sample.setLong(4, hour * 3L);
                    sample.setInt(5, hour % 3);
                    sample.setLong(6, hour);
                    sample.setLong(7, hour * 20L);
                    sample.addBatch();
                }
                sample.executeBatch();
            }
            return null;
        });
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static WebDriverWait logIn(String path) {
        return TestBrowser.logIn(browser, central.baseUrl, path, "admin");
    }

    private static WebDriverWait logIn(String path, String username, String password) {
        return TestBrowser.logIn(browser, central.baseUrl, path, username, password);
    }

    private static void typePasswords(String old, String fresh, String again) {
        for (String[] field : new String[][] {{"old-password", old}, {"new-password", fresh},
                {"new-password-again", again}}) {
            WebElement input = browser.findElement(By.id(field[0]));
            input.clear();
            input.sendKeys(field[1]);
        }
        browser.findElement(By.id("change-password")).click();
    }

    /** Returns the browser console lines that report a Content-Security-Policy violation. */
    private static List<String> cspViolations() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    @Test
    void overviewGridShowsNodeStatus() {
        WebDriverWait wait = logIn("/sync-status");

        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#node-grid .cell"), 252));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#node-rows tr"), 252));
        WebElement cell = browser.findElement(By.cssSelector("#node-grid .cell[data-point='" + TOWNSHIP + "']"));
        assertTrue(cell.getAttribute("class").contains("status-unregistered"), cell.getAttribute("class"));
        String row = browser.findElement(By.xpath("//tbody[@id='node-rows']/tr[td/a[text()='" + TOWNSHIP + "']]"))
                .getText();
        assertTrue(row.contains("0.1.0-browser"), row);
        assertTrue(row.contains("v1"), row);
        assertTrue(row.contains("1.9 GB（2%）"), row);
        String alerts = browser.findElement(By.id("alert-list")).getText();
        assertTrue(alerts.contains("磁盘将满"), alerts);
        assertEquals(List.of(), cspViolations());
    }

    @Test
    void nodePageDrawsChartUnderCsp() {
        WebDriverWait wait = logIn("/sync-status/" + TOWNSHIP);

        WebElement canvas = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#backlog-plot .uplot canvas")));
        long width = (Long) ((JavascriptExecutor) browser).executeScript("return arguments[0].width;", canvas);
        assertTrue(width > 100, "canvas width " + width);
        String legend = browser.findElement(By.cssSelector("#backlog-plot .u-legend")).getText();
        assertTrue(legend.contains("待下发批次"), legend);
        String figures = browser.findElement(By.id("node-figures")).getText();
        assertTrue(figures.contains("0.1.0-browser"), figures);
        assertTrue(figures.contains("磁盘将满"), figures);
        assertEquals(List.of(), cspViolations());
    }

    @Test
    void catalogueEditorPublishesMatter() {
        WebDriverWait wait = logIn("/catalogue");

        wait.until(ExpectedConditions.textMatches(By.id("catalogue-version"), java.util.regex.Pattern.compile("v\\d+")));
        browser.findElement(By.id("new-matter")).click();
        browser.findElement(By.id("m-code")).sendKeys("BR-001");
        browser.findElement(By.id("m-name")).sendKeys("浏览器新增事项");
        browser.findElement(By.id("m-department")).sendKeys("县民政局");
        browser.findElement(By.cssSelector("#material-rows tr:nth-child(1) input:not([type])")).sendKeys("身份证");
        browser.findElement(By.id("add-material")).click();
        WebElement second = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#material-rows tr:nth-child(2)")));
        second.findElement(By.cssSelector("input:not([type])")).sendKeys("收入证明");
        List<WebElement> flags = second.findElements(By.cssSelector("input[type=checkbox]"));
        flags.get(1).click();
        flags.get(2).click();
        browser.findElement(By.id("save-matter")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-result"), "已发布目录版本"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#matter-rows tr[data-code='BR-001']")));
        JsonNode matter = central.loggedIn("admin").get("/api/catalogue/matters/BR-001").json();
        assertEquals(2, matter.path("materials").size(), matter.toString());
        assertEquals("收入证明", matter.path("materials").get(1).path("name").asText());
        assertFalse(matter.path("materials").get(1).path("key").asBoolean(), matter.toString());
        assertTrue(matter.path("materials").get(1).path("commitmentAllowed").asBoolean(), matter.toString());
    }

    @Test
    void staffPageCreatesClerk() {
        WebDriverWait wait = logIn("/staff");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#staff-rows tr[data-username='admin']")));
        browser.findElement(By.id("s-username")).sendKeys("br.clerk");
        browser.findElement(By.id("s-display-name")).sendKeys("浏览器代办员");
        new Select(browser.findElement(By.id("s-role"))).selectByValue("village_clerk");
        browser.findElement(By.id("s-point")).sendKeys("321323101004");
        browser.findElement(By.id("s-password")).sendKeys("browser-temp-1");
        browser.findElement(By.id("create-staff")).click();

        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#staff-rows tr[data-username='br.clerk']")));
        assertTrue(row.getText().contains("里仁居委会"), row.getText());
        assertEquals(200, central.client().login("br.clerk", "browser-temp-1").status());
    }

    @Test
    void networkPageListsPoints() {
        WebDriverWait wait = logIn("/network");

        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#point-rows tr"), 250));
        new Select(browser.findElement(By.id("filter-level"))).selectByValue("county");
        browser.findElement(By.cssSelector("#filter-form button")).click();

        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#point-rows tr"), 1));
        String row = browser.findElement(By.cssSelector("#point-rows tr")).getText();
        assertTrue(row.contains("由县级中心服务"), row);
        String summary = browser.findElement(By.id("network-summary")).getText();
        assertTrue(summary.contains("未注册 252"), summary);
    }

    @Test
    void passwordFormChangesOwnPassword() {
        ApiClient admin = central.loggedIn("admin");
        assertEquals(201, admin.post("/api/staff", java.util.Map.of("username", "br.pw", "displayName", "改密码的代办员",
                "role", "village_clerk", "pointCode", "321323101004", "password", "browser-temp-1")).status());
        WebDriverWait wait = logIn("/password", "br.pw", "browser-temp-1");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staff-name"), "改密码的代办员"));
        assertEquals("修改密码", browser.findElement(By.id("password-link")).getText());

        typePasswords("browser-temp-1", "onlyletters", "onlyletters");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password-errors"), "须同时包含字母和数字"));

        typePasswords("browser-temp-1", "new-secret-42", "new-secret-42");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password-result"), "密码已修改"));
        assertEquals(401, central.client().login("br.pw", "browser-temp-1").status());
        assertEquals(200, central.client().login("br.pw", "new-secret-42").status());
        assertEquals(List.of(), cspViolations());
    }

    @Test
    void importPreviewShowsOldAndNewValues() throws IOException {
        ApiClient admin = central.loggedIn("admin");
        java.util.Map<String, Object> matter = new java.util.LinkedHashMap<>();
        matter.put("code", "BR-010");
        matter.put("name", "预览前名称");
        matter.put("department", "县民政局");
        matter.put("proxyAllowed", true);
        matter.put("materials", List.of(java.util.Map.of("name", "身份证", "required", true, "key", true,
                "commitmentAllowed", false)));
        assertEquals(201, admin.post("/api/catalogue/matters", matter).status());
        Path csv = Files.createTempFile("catalogue-", ".csv");
        Files.writeString(csv, "code,name,category,department,time_class,legal_days,promised_days,proxy_allowed,"
                + "materials,source\nBR-010,预览后名称,,县民政局,,,,true,身份证,\n");
        WebDriverWait wait = logIn("/catalogue");

        wait.until(ExpectedConditions.textMatches(By.id("catalogue-version"), java.util.regex.Pattern.compile("v\\d+")));
        browser.findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
        new Select(browser.findElement(By.id("import-mode"))).selectByValue("merge");
        browser.findElement(By.id("preview-import")).click();

        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#preview-changed li[data-code='BR-010'] tr[data-field='事项名称']")));
        assertEquals("预览前名称", row.findElement(By.cssSelector("td.before")).getText());
        assertEquals("预览后名称", row.findElement(By.cssSelector("td.after")).getText());
        browser.findElement(By.id("confirm-import")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-result"), "已发布目录版本"));
        assertEquals("预览后名称", admin.get("/api/catalogue/matters/BR-010").json().path("name").asText());
        assertEquals(List.of(), cspViolations());
    }
}
