package cn.siyiban.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.seed.DemoAccounts;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reviewer's decision in headless Chromium: log in, open a village's case from the workbench,
 * approve it and see its status change. It uses Debian's chromium and chromedriver and fails when
 * they are missing, because CI installs them.
 */
class ReviewBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private static TestCentral central;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        assertTrue(CHROMIUM.canExecute(), "missing " + CHROMIUM + ": apt-get install chromium chromium-driver");
        assertTrue(CHROMEDRIVER.canExecute(), "missing " + CHROMEDRIVER + ": apt-get install chromium-driver");
        central = TestCentral.start();
        Path profile = Files.createTempDirectory("chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(), "--lang=zh-CN");
        // An explicit driver executable keeps Selenium Manager from downloading anything.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
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
    void reviewerApprovesCase() {
        String caseNo = central.villageCase("孙八");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        browser.get(central.baseUrl + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("reviewer");
        browser.findElement(By.id("password")).sendKeys(DemoAccounts.PASSWORD);
        browser.findElement(By.id("login-button")).click();

        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(caseNo))).click();
        wait.until(ExpectedConditions.textToBe(By.id("case-status"), "已受理"));
        String chain = browser.findElement(By.id("chain-result")).getText();
        assertTrue(chain.contains("校验通过"), chain);
        new Select(browser.findElement(By.id("decision"))).selectByValue("approve");
        browser.findElement(By.id("decision-comment")).sendKeys("材料齐全，同意");
        browser.findElement(By.id("decide-button")).click();

        wait.until(ExpectedConditions.textToBe(By.id("case-status"), "已批准"));
        String done = browser.findElement(By.id("decision-done")).getText();
        assertTrue(done.contains("审批通过"), done);
        String timeline = browser.findElement(By.id("case-events")).getText();
        assertTrue(timeline.contains("意见：材料齐全，同意"), timeline);
        assertEquals("approved", central.loggedIn("admin").get("/api/cases/" + caseNo).json().get("status").asText());
    }
}
