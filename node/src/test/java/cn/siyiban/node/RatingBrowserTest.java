package cn.siyiban.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.seed.DemoAccounts;
import cn.siyiban.core.testing.TestBrowser;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
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
 * The rating page in headless Chromium: the clerk opens it from the case page, the citizen taps a
 * level and submits, and the case page then shows the rating. Also a visit without a case, a
 * reload after submitting, and the clerk stars page.
 */
class RatingBrowserTest {

    @RegisterExtension
    static final TestNode node = TestNode.perClass();
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() {
        browser = TestBrowser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(node.baseUrl + "/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("clerk");
        browser.findElement(By.id("password")).sendKeys(DemoAccounts.PASSWORD);
        browser.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static WebElement choice(String field, int level) {
        return browser.findElement(By.cssSelector("fieldset[data-field='" + field + "'] button[data-level='"
                + level + "']"));
    }

    @Test
    void citizenRatesCaseFromCasePage() {
        ApiClient clerk = node.client();
        clerk.login("clerk", DemoAccounts.PASSWORD);
        String caseNo = clerk.post("/api/cases", IntakeApiTest.subsistenceIntake("郑一",
                TestNode.residentId("32132319800101401"), UUID.randomUUID().toString())).json().get("caseNo").asText();

        browser.get(node.baseUrl + "/cases/" + caseNo);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("rate-link"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rating-form")));

        List<WebElement> overall = browser.findElements(By.cssSelector("fieldset[data-field='overall'] button"));
        assertEquals(List.of("非常满意", "满意", "基本满意", "不满意", "非常不满意"),
                overall.stream().map(WebElement::getText).toList());
        assertTrue(browser.findElement(By.id("rating-case")).getText().contains(caseNo));
        assertEquals("演示代办员", browser.findElement(By.id("rating-clerk")).getText());
        assertFalse(browser.findElement(By.id("rating-submit")).isEnabled());

        choice("overall", 1).click();
        choice("attitude", 2).click();
        browser.findElement(By.id("rating-comment")).sendKeys("材料说明不清楚");
        assertEquals("true", choice("overall", 1).getAttribute("aria-pressed"));
        browser.findElement(By.id("rating-submit")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rating-thanks")));
        assertEquals("您的评价：非常不满意", browser.findElement(By.id("rating-result")).getText());
        assertEquals(1, node.count("SELECT COUNT(*) FROM sy_rating WHERE case_no = ? AND overall = 1 AND attitude = 2",
                caseNo));

        browser.findElement(By.id("rating-back")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rated")));
        assertEquals("群众已评价：非常不满意", browser.findElement(By.id("rated")).getText());
    }

    @Test
    void reloadAfterSubmitKeepsOneRating() {
        browser.get(node.baseUrl + "/rate");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rating-form")));
        String visit = browser.getCurrentUrl().replaceAll(".*visit=", "");
        choice("overall", 5).click();
        browser.findElement(By.id("rating-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rating-thanks")));

        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rating-form")));
        choice("overall", 4).click();
        browser.findElement(By.id("rating-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rating-thanks")));

        assertEquals("您的评价：非常满意", browser.findElement(By.id("rating-result")).getText());
        assertEquals(1, node.count("SELECT COUNT(*) FROM sy_rating WHERE id = ?", visit));
    }

    @Test
    void nextCitizenGetsNewVisit() {
        browser.get(node.baseUrl + "/rate");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rating-form")));
        String first = browser.getCurrentUrl();
        choice("overall", 2).click();
        browser.findElement(By.id("rating-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rating-thanks")));

        browser.findElement(By.id("rating-next")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rating-form")));

        wait.until(ExpectedConditions.urlContains("visit="));
        assertFalse(browser.getCurrentUrl().equals(first), browser.getCurrentUrl());
        assertFalse(browser.findElement(By.id("rating-submit")).isEnabled());
    }

    @Test
    void clerkStarsShowCountAndAverage() {
        ApiClient clerk = node.client();
        clerk.login("clerk", DemoAccounts.PASSWORD);
        clerk.post("/api/ratings", RatingApiTest.rating(UUID.randomUUID().toString(), null, 5));

        browser.get(node.baseUrl + "/clerks");
        WebElement star = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".clerk-star[data-username='clerk']")));

        String text = star.getText();
        assertTrue(text.contains("演示代办员"), text);
        assertTrue(text.matches("(?s).*\\d\\.\\d 分，共 \\d+ 条评价.*"), text);
    }
}
