package cn.siyiban.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.testing.TestBrowser;
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
 * Central's pages in headless Chromium: a reviewer approves a village's case, and an admin issues
 * a registration token and reads the sync status, in the browser of {@link TestBrowser}.
 */
class CentralBrowserTest {

    @RegisterExtension
    static final TestCentral central = TestCentral.perClass();
    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = TestBrowser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static WebDriverWait logIn(String path, String username) {
        return TestBrowser.logIn(browser, central.baseUrl, path, username);
    }

    @Test
    void reviewerApprovesCase() {
        String caseNo = central.villageCase("孙八");

        WebDriverWait wait = logIn("/", "reviewer");

        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(caseNo))).click();
        wait.until(ExpectedConditions.textToBe(By.id("case-status"), "已受理"));
        String chain = browser.findElement(By.id("chain-result")).getText();
        assertTrue(chain.contains("校验通过"), chain);
        new Select(browser.findElement(By.id("decision"))).selectByValue("approve");
        browser.findElement(By.id("decision-comment")).sendKeys("材料齐全，同意");
        browser.findElement(By.id("decide-button")).click();

        wait.until(ExpectedConditions.textToBe(By.id("case-status"), "已批准"));
        String done = browser.findElement(By.id("decision-done")).getText();
        assertTrue(done.contains("审批通过"), done);
        String timeline = browser.findElement(By.id("case-events")).getText();
        assertTrue(timeline.contains("意见：材料齐全，同意"), timeline);
        assertEquals("approved", central.loggedIn("admin").get("/api/cases/" + caseNo).json().get("status").asText());
    }

    @Test
    void adminIssuesTokenAndReadsSyncStatus() {
        WebDriverWait wait = logIn("/registrations", "admin");

        WebElement filter = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("point-filter")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#point-select option")));
        filter.sendKeys("里仁");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#point-select option"), 1));
        new Select(browser.findElement(By.id("point-select"))).selectByValue("321323101004");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("point-chosen"), "里仁居委会"));
        browser.findElement(By.id("issue-button")).click();

        WebElement token = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("issued-token")));
        assertTrue(token.getText().matches("[2-9A-Z]{5}(-[2-9A-Z]{5}){3}"), token.getText());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-rows"), "可使用"));

        browser.findElement(By.linkText("同步状态")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#node-rows tr"), 252));
        String summary = browser.findElement(By.id("node-summary")).getText();
        assertTrue(summary.contains("未注册 252"), summary);
    }
}
