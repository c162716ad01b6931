package cn.siyiban.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.testing.TestBrowser;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A clerk's morning in headless Chromium: log in, find a matter, take in a case with a missing
 * non-key material and a rare-character name, and read the receipt. It uses Debian's chromium
 * and chromedriver and fails when they are missing, because CI installs them.
 */
class IntakeBrowserTest {

    @RegisterExtension
    static final TestNode node = TestNode.perClass();
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        browser = TestBrowser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void clerkTakesInCaseAndPrintsReceipt() {
        WebDriverWait wait = TestBrowser.logIn(browser, node.baseUrl, "/", "clerk");

        WebElement query = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
        wait.until(ExpectedConditions.textToBe(By.id("point-name"), "北爱园居委会"));
        query.sendKeys("最低生活保障");
        browser.findElement(By.cssSelector("#search-form button")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#matter-list .matter"), 1));
        browser.findElement(By.cssSelector("a[data-matter='SYM-023']")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("intake-form")));
        // ChromeDriver rejects characters outside the Basic Multilingual Plane in sendKeys ("only
        // supports characters in the BMP"), and a clerk enters 𠮷 through the input method anyway,
        // which ends in an input event. So the name is set as the input method leaves it.
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                browser.findElement(By.id("applicant-name")), IntakeApiTest.RARE_NAME);
        browser.findElement(By.id("id-number")).sendKeys(TestNode.residentId("32132319800101123"));
        browser.findElement(By.id("phone")).sendKeys("13905271234");
        browser.findElement(By.id("address")).sendKeys("泗阳县爱园镇北爱园居委会");
        for (String material : new String[] {"M01", "M02", "M04", "M05", "M06"}) {
            browser.findElement(By.id("m-SYM-023-" + material + "-received")).click();
        }
        browser.findElement(By.id("m-SYM-023-M03-missing")).click();
        browser.findElement(By.id("m-SYM-023-M04-missing")).click();
        browser.findElement(By.id("save")).click();

        wait.until(ExpectedConditions.urlContains("/receipt/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
        String caseNo = browser.findElement(By.id("receipt-case-no")).getText();
        assertTrue(caseNo.matches("321323101001-\\d{8}-\\d{4}"), caseNo);
        assertEquals(IntakeApiTest.RARE_NAME, browser.findElement(By.id("receipt-applicant")).getText());
        String missing = browser.findElement(By.id("receipt-missing")).getText();
        assertTrue(missing.contains("收入证明"), missing);
        assertTrue(missing.contains("第二代残疾人证"), missing);
        String due = browser.findElement(By.id("receipt-due")).getText();
        assertTrue(due.matches("\\d{4}年\\d{2}月\\d{2}日前"), due);
        assertEquals("北爱园居委会", browser.findElement(By.id("receipt-point")).getText());
        String id = browser.findElement(By.id("receipt-id")).getText();
        assertTrue(id.contains("321323********"), id);
        assertEquals(1, node.client().get("/health").json().get("cases").asInt());
    }
}
