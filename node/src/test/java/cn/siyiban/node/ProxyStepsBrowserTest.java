package cn.siyiban.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.seed.DemoAccounts;
import cn.siyiban.core.testing.TestBrowser;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;


import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Steps of a proxy case (帮办代办) through the API and on the case page in headless Chromium. It
 * uses Debian's chromium and chromedriver and fails when they are missing, because CI installs them.
 */
class ProxyStepsBrowserTest {

    @RegisterExtension
    static final TestNode node = TestNode.perClass();
    private static ApiClient clerk;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        clerk = node.client();
        clerk.login("clerk", DemoAccounts.PASSWORD);
        browser = TestBrowser.start();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(node.baseUrl + "/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("clerk");
        browser.findElement(By.id("password")).sendKeys(DemoAccounts.PASSWORD);
        browser.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static String takeIn(String name, String first17, boolean proxy) {
        Map<String, Object> body = IntakeApiTest.subsistenceIntake(name, TestNode.residentId(first17),
                UUID.randomUUID().toString());
        body.put("proxy", proxy);
        ApiClient.Response created = clerk.post("/api/cases", body);
        assertEquals(201, created.status(), created.body());
        return created.json().path("caseNo").asText();
    }

    private static String stepsUrl(String caseNo) {
        return "/api/cases/" + caseNo + "/proxy-steps";
    }

    @Test
    void stepsListedInOrderWithIntakeDone() {
        String caseNo = takeIn("冯代办", "32132319800101131", true);

        ApiClient.Response response = clerk.get(stepsUrl(caseNo));

        assertEquals(200, response.status(), response.body());
        JsonNode steps = response.json().path("steps");
        List<String> codes = new ArrayList<>();
        steps.forEach(step -> codes.add(step.path("step").asText()));
        assertEquals(List.of("entrusted", "intake", "proxy_handled", "delivered", "archived", "followed_up"), codes);
        assertEquals("受理", steps.get(1).path("label").asText());
        assertTrue(steps.get(1).path("done").asBoolean());
        assertEquals("演示代办员", steps.get(1).path("event").path("actorName").asText(), steps.toString());
        assertEquals(false, steps.get(0).path("done").asBoolean());
    }

    @Test
    void stepRecordedThroughApi() {
        String caseNo = takeIn("陈代办", "32132319800101132", true);

        ApiClient.Response recorded = clerk.post(stepsUrl(caseNo), Map.of("step", "entrusted", "note", "已签委托书"));

        assertEquals(201, recorded.status(), recorded.body());
        assertEquals("entrusted", recorded.json().path("type").asText());
        assertEquals("已签委托书", recorded.json().path("comment").asText());
        JsonNode view = clerk.get("/api/cases/" + caseNo).json();
        assertEquals("intake", view.path("status").asText(), "a proxy step leaves the status unchanged");
    }

    @Test
    void stepOutOfOrderRejected() {
        String caseNo = takeIn("褚代办", "32132319800101133", true);

        ApiClient.Response response = clerk.post(stepsUrl(caseNo), Map.of("step", "archived"));

        assertEquals(409, response.status(), response.body());
        assertEquals("proxy_step_out_of_order", response.json().path("code").asText());
        assertEquals("entrusted", response.json().path("details").path("missingStep").asText());
    }

    @Test
    void ownCaseStepRejected() {
        String caseNo = takeIn("卫自办", "32132319800101134", false);

        ApiClient.Response response = clerk.post(stepsUrl(caseNo), Map.of("step", "entrusted"));

        assertEquals(409, response.status(), response.body());
        assertEquals("not_proxy_case", response.json().path("code").asText());
    }

    @Test
    void casePageRecordsEntrustedStep() {
        String caseNo = takeIn("蒋代办", "32132319800101135", true);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        browser.get(node.baseUrl + "/cases/" + caseNo);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("proxy-steps")));
        assertEquals("entrusted", new Select(browser.findElement(By.id("proxy-step"))).getFirstSelectedOption()
                .getAttribute("value"));
        browser.findElement(By.id("proxy-note")).sendKeys("申请人签署委托书");
        browser.findElement(By.id("proxy-step-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.step-done[data-step=entrusted]")));

        WebElement entrusted = browser.findElement(By.cssSelector("tr[data-step=entrusted] td"));
        assertTrue(entrusted.getText().contains("演示代办员"), entrusted.getText());
        assertTrue(entrusted.getText().contains("申请人签署委托书"), entrusted.getText());
        assertEquals("proxy_handled", new Select(browser.findElement(By.id("proxy-step"))).getFirstSelectedOption()
                .getAttribute("value"), "the next step to record is 办理");
        JsonNode steps = clerk.get(stepsUrl(caseNo)).json().path("steps");
        assertTrue(steps.get(0).path("done").asBoolean(), steps.toString());
    }

    @Test
    void casePageHidesStepsForOwnCase() {
        String caseNo = takeIn("沈自办", "32132319800101136", false);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        browser.get(node.baseUrl + "/cases/" + caseNo);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#proxy-steps[data-loaded]")));

        assertFalse(browser.findElement(By.id("proxy-steps")).isDisplayed());
    }
}
