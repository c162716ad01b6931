package cn.siyiban.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.testing.TestBrowser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
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
 * The e-seal log in headless Chromium: an unapproved use shows among a county admin's alerts and
 * in the seal log, and a reviewer records a seal with the result-ready decision.
 */
class SealUseBrowserTest {

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

    @Test
    void unapprovedSealShownToAdmin() {
        String seal = "县民政局电子公章-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> use = new LinkedHashMap<>();
        use.put("document", "最低生活保障准予决定书");
        use.put("seal", seal);
        ApiClient.Response reported = central.loggedIn("reviewer").post("/api/seal-uses", use);
        assertEquals(201, reported.status(), reported.body());

        WebDriverWait wait = TestBrowser.logIn(browser, central.baseUrl, "/sync-status", "admin");
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

    @Test
    void resultReadyFormRecordsSeal() {
        String caseNo = central.villageCase("郑十一");
        ApiClient reviewer = central.loggedIn("reviewer");
        assertEquals(201, reviewer.post("/api/cases/" + caseNo + "/decisions", Map.of("decision", "approve")).status());
        String seal = "县民政局电子公章-" + UUID.randomUUID().toString().substring(0, 8);

        WebDriverWait wait = TestBrowser.logIn(browser, central.baseUrl, "/cases/" + caseNo, "reviewer");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decision-form")));
        new Select(browser.findElement(By.id("decision"))).selectByValue("result_ready");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("seal-fields")));
        browser.findElement(By.id("seal-name")).sendKeys(seal);
        browser.findElement(By.id("seal-document")).sendKeys("最低生活保障准予决定书");
        browser.findElement(By.id("seal-approval")).sendKeys("SP-2026-0042");
        browser.findElement(By.id("decide-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decision-done")));

        boolean found = false;
        for (var use : central.loggedIn("admin").get("/api/seal-uses").json()) {
            if (seal.equals(use.path("seal").asText())) {
                found = true;
                assertEquals(caseNo, use.path("caseNo").asText());
                assertEquals("SP-2026-0042", use.path("approvalRef").asText());
                assertEquals("result_ready", use.path("source").asText());
            }
        }
        assertTrue(found, "no seal use recorded for " + seal);
    }
}
