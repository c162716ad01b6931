package cn.siyiban.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.siyiban.core.cases.CaseEventType;
import cn.siyiban.core.testing.IncompleteCase;
import cn.siyiban.core.testing.TestBrowser;
import cn.siyiban.node.settings.SettingsLoader;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The case page of a case whose row reached the node before its intake event. The page explains
 * that the case is still syncing instead of reporting it as not found, and it shows the case once
 * the event has arrived and the clerk reloads.
 */
class IncompleteCaseBrowserTest {

    private static final String VILLAGE = SettingsLoader.DEMO_POINT_CODE;
    private static final LocalDateTime TAKEN_IN = LocalDateTime.of(2026, 11, 30, 9, 15);

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
    void casePageExplainsSyncingCase() {
        String caseNo = VILLAGE + "-20261130-0905";
        String caseId = IncompleteCase.insert(node.app.database(), VILLAGE, caseNo, false, TAKEN_IN);
        WebDriverWait wait = TestBrowser.logIn(browser, node.baseUrl, "/cases/" + caseNo, "clerk");

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-syncing")));
        assertEquals("办件尚在同步中", browser.findElement(By.cssSelector("#case-syncing h1")).getText());
        assertEquals("办件" + caseNo + "的受理记录尚在同步中，请稍后再试",
                browser.findElement(By.id("case-syncing-message")).getText());
        assertFalse(browser.findElement(By.id("page-error")).isDisplayed());
        assertFalse(browser.findElement(By.id("case")).isDisplayed());

        IncompleteCase.insertEvent(node.app.database(), caseId, VILLAGE, CaseEventType.INTAKE, TAKEN_IN, null);
        browser.findElement(By.id("case-syncing-reload")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case")));
        assertEquals("办件 " + caseNo, browser.findElement(By.id("case-title")).getText());
        assertFalse(browser.findElement(By.id("case-syncing")).isDisplayed());
    }
}
