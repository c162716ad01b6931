package cn.siyiban.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.seed.DemoAccounts;
import cn.siyiban.core.testing.TestBrowser;
import cn.siyiban.core.time.CountyClock;

import java.io.IOException;


import java.time.Duration;
import java.time.LocalDate;
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

/** 容缺受理 in the clerk's browser: the deadline field of the intake form and the case page. */
class MissingMaterialsBrowserTest {

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

    /** Sets a date input's value directly, because typed dates follow the browser's locale format. */
    private static void setDate(WebElement input, String isoDate) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, isoDate);
    }

    @Test
    void deadlineFieldAndMissingList() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(node.baseUrl + "/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("clerk");
        browser.findElement(By.id("password")).sendKeys(DemoAccounts.PASSWORD);
        browser.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));

        browser.get(node.baseUrl + "/intake?matter=SYM-023");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("intake-form")));
        browser.findElement(By.id("applicant-name")).sendKeys("孙八");
        browser.findElement(By.id("id-number")).sendKeys(TestNode.residentId("32132319800101123"));
        browser.findElement(By.id("phone")).sendKeys("13905271234");
        for (String material : new String[] {"M01", "M02", "M05", "M06"}) {
            browser.findElement(By.id("m-SYM-023-" + material + "-received")).click();
        }
        browser.findElement(By.id("m-SYM-023-M03-missing")).click();
        WebElement dueRow = browser.findElement(By.id("supplement-due-row"));
        assertFalse(dueRow.isDisplayed(), "a missing optional material must not ask for a deadline");
        browser.findElement(By.id("m-SYM-023-M04-missing")).click();
        wait.until(ExpectedConditions.visibilityOf(dueRow));

        setDate(browser.findElement(By.id("supplement-due")), "2099-01-01");
        browser.findElement(By.id("save")).click();
        By dueError = By.cssSelector(".field-error[data-field='supplementDue']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(dueError, "超过了事项的承诺办结时间"));

        String today = LocalDate.now(CountyClock.ZONE).toString();
        setDate(browser.findElement(By.id("supplement-due")), today);
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.urlContains("/receipt/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
        String caseNo = browser.findElement(By.id("receipt-case-no")).getText();

        browser.get(node.baseUrl + "/cases/" + caseNo);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("missing")));
        assertEquals("收入证明", browser.findElement(By.cssSelector("#missing-items li")).getText());
        assertTrue(browser.findElement(By.id("missing-due")).getText().contains(today.substring(0, 4)),
                browser.findElement(By.id("missing-due")).getText());
        WebElement notice = browser.findElement(By.id("notice-link"));
        assertTrue(notice.isDisplayed());
        assertTrue(notice.getAttribute("href").endsWith("/notice/missing/" + caseNo), notice.getAttribute("href"));

        browser.get(node.baseUrl + "/cases");
        By flag = By.cssSelector("#case-rows .due");
        wait.until(ExpectedConditions.visibilityOfElementLocated(flag));
        assertEquals("正常", browser.findElement(flag).getText());
    }
}
