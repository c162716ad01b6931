package cn.siyiban.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.cases.IntakeRequest;
import cn.siyiban.core.testing.TestBrowser;
import com.fasterxml.jackson.databind.JsonNode;
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
 * Verification of commitments (告知承诺) on central's case page in headless Chromium: a reviewer
 * records a false commitment and the page shows the applicant blocked, and a county admin clears the block.
 */
class CommitmentBrowserTest {

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

    /** Returns the page's row of the committed material 诊断证明 (SYM-023-M05). */
    private static String diagnosisRow() {
        return browser.findElement(By.cssSelector("#commitment-rows tr[data-material='SYM-023-M05']")).getText();
    }

    @Test
    void falseResultBlocksUntilAdminClears() {
        String caseNo = central.villageCase("孙承诺", "32132319700101201",
                List.of(new IntakeRequest.MaterialInput("SYM-023-M01", "received"),
                        new IntakeRequest.MaterialInput("SYM-023-M02", "received"),
                        new IntakeRequest.MaterialInput("SYM-023-M04", "received"),
                        new IntakeRequest.MaterialInput("SYM-023-M05", "committed"),
                        new IntakeRequest.MaterialInput("SYM-023-M06", "received")));

        WebDriverWait wait = TestBrowser.logIn(browser, central.baseUrl, "/cases/" + caseNo, "reviewer");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("commitment-form")));
        assertTrue(diagnosisRow().contains("未核查"), diagnosisRow());
        assertFalse(browser.findElement(By.id("commitment-blocked")).isDisplayed());

        // A false result without a note is stopped on the page, before any confirmation.
        browser.findElement(By.cssSelector("input[name='commitment-result'][value='false']")).click();
        browser.findElement(By.id("commitment-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("commitment-error"), "必须填写核查说明"));

        browser.findElement(By.id("commitment-note")).sendKeys("县人民医院无此诊断记录");
        browser.findElement(By.id("commitment-button")).click();
        String question = wait.until(ExpectedConditions.alertIsPresent()).getText();
        assertTrue(question.contains("承诺不实"), question);
        browser.switchTo().alert().accept();

        WebElement blocked = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("commitment-blocked")));
        assertTrue(blocked.getText().contains("本办件的“诊断证明”"), blocked.getText());
        assertTrue(diagnosisRow().contains("不实"), diagnosisRow());
        assertTrue(diagnosisRow().contains("县人民医院无此诊断记录"), diagnosisRow());
        assertFalse(browser.findElement(By.id("clear-block")).isDisplayed(), "only county admins may clear");
        assertFalse(browser.findElement(By.id("commitment-form")).isDisplayed(), "each commitment is checked once");

        wait = TestBrowser.logIn(browser, central.baseUrl, "/cases/" + caseNo, "admin");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("clear-block"))).click();
        question = wait.until(ExpectedConditions.alertIsPresent()).getText();
        assertTrue(question.contains("解除"), question);
        browser.switchTo().alert().accept();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("commitment-cleared"), "已解除 1 条限制"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("commitment-blocked")));
        assertTrue(diagnosisRow().contains("限制已解除"), diagnosisRow());
        JsonNode overview = central.loggedIn("admin").get("/api/cases/" + caseNo + "/commitment-checks").json();
        assertFalse(overview.path("blocked").asBoolean(), overview.toString());
        assertEquals(0, overview.path("openBlocks").size(), overview.toString());
    }
}
