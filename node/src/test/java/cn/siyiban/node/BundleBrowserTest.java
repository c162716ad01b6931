package cn.siyiban.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.testing.TestBrowser;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A clerk takes in the 新生儿 bundle (一件事) in headless Chromium: one form, the shared ID document
 * ticked once, one submission, and one receipt listing the three case numbers.
 */
class BundleBrowserTest {

    @RegisterExtension
    static final TestNode node = TestNode.perClass();
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        browser = TestBrowser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void clerkTakesInBundleAndPrintsReceipt() {
        WebDriverWait wait = TestBrowser.logIn(browser, node.baseUrl, "/", "clerk");

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[data-bundle='BND-001']"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("intake-form")));
        assertEquals("一件事：新生儿落户、医保参保和社保卡申领", browser.findElement(By.id("bundle-title")).getText());
        List<WebElement> rows = browser.findElements(By.cssSelector("#material-rows tr"));
        assertEquals(7, rows.size());
        String shared = rows.get(4).getText();
        assertTrue(shared.contains("新生儿有效身份证件原件（可用户口簿）"), shared);
        assertTrue(shared.contains("用于：城乡居民基本医疗保险参保登记、社会保障卡申领"), shared);

        browser.findElement(By.id("applicant-name")).sendKeys("周小明");
        browser.findElement(By.id("id-number")).sendKeys(TestNode.residentId("32132319880808123"));
        browser.findElement(By.id("phone")).sendKeys("13905271234");
        for (String material : new String[] {"SYM-035-M01", "SYM-035-M02", "SYM-035-M03", "SYM-035-M04",
                "SYM-018-M01", "SYM-018-M02", "SYM-001-M02"}) {
            browser.findElement(By.id("m-" + material + "-received")).click();
        }
        browser.findElement(By.id("save")).click();

        wait.until(ExpectedConditions.urlContains("/bundles/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
        String bundleNo = browser.findElement(By.id("receipt-bundle-no")).getText();
        assertTrue(bundleNo.matches("YJS-321323101001-\\d{8}-\\d{4}"), bundleNo);
        String receipt = browser.findElement(By.id("receipt")).getText();
        assertTrue(receipt.contains("泗阳县政务服务“一件事”受理回执"), receipt);
        assertTrue(receipt.contains("新生儿落户、医保参保和社保卡申领"), receipt);
        assertEquals("周小明", browser.findElement(By.id("receipt-applicant")).getText());
        List<WebElement> cases = browser.findElements(By.cssSelector("#receipt-cases tr"));
        assertEquals(3, cases.size());
        String firstCaseNo = bundleNo.substring("YJS-".length());
        assertTrue(cases.get(0).getText().startsWith(firstCaseNo), cases.get(0).getText());
        assertTrue(cases.get(0).getText().contains("出生登记(新生儿国内出生户口登记)"), cases.get(0).getText());
        assertTrue(cases.get(1).getText().contains("县医保局"), cases.get(1).getText());
        assertTrue(cases.get(2).getText().contains("社会保障卡申领"), cases.get(2).getText());
        String received = browser.findElement(By.id("receipt-received")).getText();
        assertEquals(1, received.split("新生儿有效身份证件原件").length - 1, received);
        assertEquals("无", browser.findElement(By.id("receipt-missing")).getText());
        assertTrue(browser.findElement(By.id("receipt-code")).getAttribute("src").endsWith("/api/bundle-codes/" + bundleNo));
        assertEquals("办理中", browser.findElement(By.id("progress-status")).getText());

        // The case page of one of the three cases links its siblings and shows the bundle's status.
        browser.findElement(By.cssSelector("#progress-rows a")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bundle")));
        assertEquals(bundleNo, browser.findElement(By.id("bundle-link")).getText());
        assertEquals(3, browser.findElements(By.cssSelector("#bundle-cases tr")).size());
        assertEquals(3, node.client().get("/health").json().get("cases").asInt());
    }
}
