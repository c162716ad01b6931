package cn.siyiban.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A county admin in headless Chromium sees an unapproved seal use among the alerts and in the seal log. */
class SealUseBrowserTest {

    private static TestCentral central;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        central = TestCentral.start();
        browser = TestBrowser.start(false);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (central != null) {
            central.close();
        }
    }

    @Test
    void unapprovedSealShownToAdmin() {
        String seal = "县民政局电子公章-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> use = new LinkedHashMap<>();
        use.put("document", "最低生活保障准予决定书");
        use.put("seal", seal);
        ApiClient.Response reported = central.loggedIn("reviewer").post("/api/seal-uses", use);
        assertEquals(201, reported.status(), reported.body());

        WebDriverWait wait = TestBrowser.logIn(browser, central, "/sync-status", "admin");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert-list"), seal));
        String alerts = browser.findElement(By.id("alert-list")).getText();
        assertTrue(alerts.contains("电子印章：“" + seal + "”用于“最低生活保障准予决定书”"), alerts);
        assertTrue(alerts.contains("没有审批单号"), alerts);

        browser.get(central.baseUrl + "/seal-uses");
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//tbody[@id='seal-rows']/tr[td[2][text()='" + seal + "']]")));
        assertTrue(row.getText().contains("未审批"), row.getText());
        assertTrue(row.getText().contains("接口报送"), row.getText());
        assertTrue(row.getAttribute("class").contains("status-error"), row.getAttribute("class"));
    }
}
