package cn.siyiban.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.testing.TestBrowser;
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
 * The service map and the county statistics pages in headless Chromium. The map lists the network,
 * finds where a matter is taken in and the points near a village. The statistics page draws its
 * ECharts canvas under the page's Content-Security-Policy.
 */
class MapStatisticsBrowserTest {

    @RegisterExtension
    static final TestCentral central = TestCentral.perClass();
    private static WebDriver browser;

    @BeforeAll
    static void setUp() {
        central.villageCase("赵六");
        browser = TestBrowser.start(true);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Returns the browser console lines that report a Content-Security-Policy violation or a script error. */
    private static List<String> consoleProblems() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Uncaught"))
                .toList();
    }

    @Test
    void mapListsPointsAndFindsMatter() {
        WebDriverWait wait = TestBrowser.logIn(browser, central.baseUrl, "/map", "admin");

        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#point-rows tr"), 258));
        String firstRow = browser.findElement(By.cssSelector("#point-rows tr[data-code='321323000000']")).getText();
        assertTrue(firstRow.contains("泗阳县政务服务中心"), firstRow);
        assertTrue(firstRow.contains("未填写"), firstRow);
        assertTrue(firstRow.contains("全科受理"), firstRow);

        browser.findElement(By.id("matter-q")).sendKeys("最低生活");
        browser.findElement(By.cssSelector("#matter-form button[type='submit']")).click();
        WebElement hit = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#matter-rows tr[data-code='SYM-023']")));
        assertTrue(hit.getText().contains("258"), hit.getText());
        hit.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#matter-point-rows tr"), 258));

        new Select(browser.findElement(By.id("village"))).selectByValue(TestCentral.VILLAGE);
        browser.findElement(By.cssSelector("#nearest-form button[type='submit']")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#nearest-rows tr"), 5));
        List<WebElement> nearest = browser.findElements(By.cssSelector("#nearest-rows tr"));
        assertEquals(TestCentral.VILLAGE, nearest.get(0).getAttribute("data-code"));
        assertTrue(nearest.get(0).getText().contains("本村（社区）"), nearest.get(0).getText());
        assertTrue(nearest.get(1).getText().contains("爱园镇"), nearest.get(1).getText());
        assertTrue(nearest.get(1).getText().contains("同镇（街道）"), nearest.get(1).getText());
        assertEquals(List.of(), consoleProblems());
    }

    @Test
    void statisticsPageDrawsChart() {
        WebDriverWait wait = TestBrowser.logIn(browser, central.baseUrl, "/statistics", "admin");

        // The script queries the current page, because the body found on the way from the login page goes stale.
        wait.until(driver -> "true".equals(((JavascriptExecutor) driver).executeScript(
                "return location.pathname === '/statistics' ? document.body.getAttribute('data-loaded') : null;")));
        // A drawn chart has pixels that are not transparent; an empty canvas has none. The script
        // looks the canvas up on each try, because ECharts may replace it while it lays out.
        wait.until(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript(
                "var c = document.querySelector('#cases-chart canvas'); if (!c || c.width < 100) { return false; }"
                        + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + "for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) { return true; } } return false;"));
        String summary = browser.findElement(By.id("summary")).getText();
        assertTrue(summary.contains("办件总量：1 件"), summary);
        String table = browser.findElement(By.id("group-rows")).getText();
        assertTrue(table.contains("北爱园居委会"), table);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#bundle-chart canvas")));
        String export = browser.findElement(By.id("export")).getAttribute("href");
        assertTrue(export.contains("/api/statistics/export.csv?from="), export);
        assertEquals(List.of(), consoleProblems());
    }
}
