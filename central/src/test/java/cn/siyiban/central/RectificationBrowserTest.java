package cn.siyiban.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.testing.TestBrowser;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The county admin's 好差评 pages in headless Chromium: a bad rating's item taken through 核实,
 * 整改 and 回复群众, a rating annulled with a reason, and the ranking of points and clerks.
 */
class RectificationBrowserTest {

    @RegisterExtension
    static final TestCentral central = TestCentral.perClass();
    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = TestBrowser.start(true);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Inserts a rating as SymmetricDS does when it loads one pushed by the demo village. */
    private static String arrive(int overall) {
        String id = UUID.randomUUID().toString();
        central.app.database().inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_rating (id, origin_point, "
                    + "case_no, clerk, overall, comment_text, real_name, rated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, TestCentral.VILLAGE);
                insert.setString(3, "TEST-" + id.substring(0, 8));
                insert.setString(4, "clerk");
                insert.setInt(5, overall);
                insert.setString(6, "窗口人员态度冷淡");
                insert.setBoolean(7, true);
                insert.setTimestamp(8, Timestamp.valueOf(LocalDateTime.now()));
                insert.executeUpdate();
            }
            return null;
        });
        return id;
    }

    private static void recordStep(WebDriverWait wait, String kind, String note, String expectedStatus) {
        new Select(browser.findElement(By.id("step-kind"))).selectByValue(kind);
        browser.findElement(By.id("step-note")).sendKeys(note);
        browser.findElement(By.cssSelector("#step-form button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("item-facts"), expectedStatus));
    }

    private static List<String> cspViolations() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    @Test
    void adminClosesItemThroughLoop() {
        String id = arrive(1);
        WebDriverWait wait = TestBrowser.logIn(browser, central.baseUrl, "/ratings", "admin");

        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#item-rows tr[data-rating-id='" + id + "'] a"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("item-facts"), "待核实"));
        assertTrue(browser.findElement(By.id("item-facts")).getText().contains("窗口人员态度冷淡"));

        recordStep(wait, "verify", "经调看监控，情况属实", "待整改");
        recordStep(wait, "rectify", "对窗口人员进行服务礼仪培训", "待回复");
        recordStep(wait, "reply", "已电话告知群众整改结果", "已办结");

        assertEquals(3, browser.findElements(By.cssSelector("#step-rows tr")).size());
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("step-section")));
        browser.get(central.baseUrl + "/ratings");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("follow-up-line"), "回访率"));
        assertEquals(List.of(), cspViolations());
    }

    @Test
    void adminAnnulsRatingWithReason() {
        String id = arrive(2);
        WebDriverWait wait = TestBrowser.logIn(browser, central.baseUrl, "/ratings/" + id, "admin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("annul-section")));

        browser.findElement(By.id("annul-reason")).sendKeys("群众当场表示误点");
        browser.findElement(By.cssSelector("#annul-form button[type='submit']")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("item-facts"), "评价已作废"));
        assertTrue(browser.findElement(By.id("item-facts")).getText().contains("群众当场表示误点"));
        assertTrue(browser.findElement(By.id("annul-section")).getAttribute("hidden") != null);
    }

    @Test
    void itemListPagesByFifty() {
        for (int i = 0; i < 51; i++) {
            arrive(1);
        }
        int total = central.loggedIn("admin").get("/api/rectifications?status=open&size=1").json()
                .get("total").asInt();
        assertTrue(total > 50, "open items: " + total);
        assertTrue(total <= 100, "open items: " + total);
        WebDriverWait wait = TestBrowser.logIn(browser, central.baseUrl, "/ratings", "admin");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-line"),
                "第 1 / 2 页，共 " + total + " 件"));
        List<String> firstPage = shownRatingIds();
        assertEquals(50, firstPage.size());
        assertTrue(!browser.findElement(By.id("previous-page")).isEnabled());

        browser.findElement(By.id("next-page")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-line"), "第 2 / 2 页"));
        List<String> secondPage = shownRatingIds();
        assertEquals(total - 50, secondPage.size());
        assertTrue(secondPage.stream().noneMatch(firstPage::contains), secondPage.toString());
        assertTrue(!browser.findElement(By.id("next-page")).isEnabled());

        browser.findElement(By.id("previous-page")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-line"), "第 1 / 2 页"));
        assertEquals(firstPage, shownRatingIds());
        assertEquals(List.of(), cspViolations());
    }

    private static List<String> shownRatingIds() {
        return browser.findElements(By.cssSelector("#item-rows tr[data-rating-id]")).stream()
                .map(row -> row.getAttribute("data-rating-id"))
                .toList();
    }

    @Test
    void rankingListsRatedPoint() {
        arrive(5);
        WebDriverWait wait = TestBrowser.logIn(browser, central.baseUrl, "/rating-ranking", "admin");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("point-rows"), "北爱园居委会"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("clerk-rows"), "北爱园居委会"));
    }
}
