package cn.siyiban.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.governance.CancelledProof;
import cn.siyiban.core.governance.GovernanceStore;
import cn.siyiban.core.seed.DemoAccounts;
import cn.siyiban.core.testing.TestBrowser;
import cn.siyiban.node.settings.SettingsLoader;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The service map and the removed proofs in a clerk's browser at a node that has no link to
 * central, so both work from the node's own database.
 */
class MapAndIntakeBrowserTest {

    @RegisterExtension
    static final TestNode node = TestNode.perClass();
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        node.app.database().inTransaction(connection -> {
            GovernanceStore.insertProof(connection, new CancelledProof("p1", "SYM-023", "无犯罪记录证明",
                    "县政府清理证明事项通知", "admin", LocalDateTime.of(2026, 1, 5, 9, 0)));
            return null;
        });
        browser = TestBrowser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static WebDriverWait logIn() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.manage().deleteAllCookies();
        browser.get(node.baseUrl + "/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("clerk");
        browser.findElement(By.id("password")).sendKeys(DemoAccounts.PASSWORD);
        browser.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
        return wait;
    }

    @Test
    void mapFindsNearestPoints() {
        WebDriverWait wait = logIn();
        browser.get(node.baseUrl + "/map");

        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#point-rows tr"), 258));
        new Select(browser.findElement(By.id("village"))).selectByValue(SettingsLoader.DEMO_POINT_CODE);
        browser.findElement(By.cssSelector("#nearest-form button[type='submit']")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#nearest-rows tr"), 5));
        List<WebElement> nearest = browser.findElements(By.cssSelector("#nearest-rows tr"));
        assertEquals(SettingsLoader.DEMO_POINT_CODE, nearest.get(0).getAttribute("data-code"));
        assertTrue(nearest.get(1).getText().contains("爱园镇"), nearest.get(1).getText());
    }

    @Test
    void intakeShowsRemovedProof() {
        WebDriverWait wait = logIn();
        browser.get(node.baseUrl + "/intake?matter=SYM-023");

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cancelled-proofs")));
        String text = browser.findElement(By.id("cancelled-proof-list")).getText();
        assertTrue(text.contains("无犯罪记录证明：已取消，无需提供"), text);
        assertTrue(text.contains("县政府清理证明事项通知"), text);
    }
}
