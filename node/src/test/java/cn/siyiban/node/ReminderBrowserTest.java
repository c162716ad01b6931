package cn.siyiban.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.seed.DemoAccounts;
import cn.siyiban.core.testing.TestBrowser;
import cn.siyiban.core.time.CountyClock;
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

/** The node's reminders page in headless Chromium: a sent 容缺 reminder with the phone masked, and the state filter. */
class ReminderBrowserTest {

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
    void pageShowsSentReminderMasked() {
        ApiClient clerk = node.client();
        clerk.login("clerk", DemoAccounts.PASSWORD);
        Map<String, Object> body = IntakeApiTest.subsistenceIntake("赵六", TestNode.residentId("32132319800101123"),
                UUID.randomUUID().toString());
        body.put("supplementDue", CountyClock.system().now().toLocalDate().plusDays(1).toString());
        ApiClient.Response created = clerk.post("/api/cases", body);
        assertEquals(201, created.status(), created.body());
        String caseNo = created.json().path("caseNo").asText();
        node.app.reminders().runOnce();

        WebDriverWait wait = TestBrowser.logIn(browser, node.baseUrl, "/reminders", "clerk");

        wait.until(ExpectedConditions.urlContains("/reminders"));
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//tbody[@id='reminder-rows']/tr[td[1][text()='" + caseNo + "']]")));
        String text = row.getText();
        assertTrue(text.contains("容缺补正期限"), text);
        assertTrue(text.contains("139****1234"), text);
        assertTrue(text.contains("已发送"), text);
        assertFalse(text.contains("13905271234"), text);
        assertEquals("sent", row.getAttribute("data-state"));
        assertTrue(browser.findElement(By.id("reminder-counts")).getText().contains("已发送 1 条"),
                browser.findElement(By.id("reminder-counts")).getText());

        new Select(browser.findElement(By.id("filter-state"))).selectByValue("failed");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#reminder-rows tr"), 0));
    }
}
