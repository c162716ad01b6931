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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Central's pages in headless Chromium: a reviewer approves a village's case, and an admin issues
 * a registration token and reads the sync status. It uses Debian's chromium and chromedriver and
 * fails when they are missing, because CI installs them.
 */
class CentralBrowserTest {

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

    /** Opens {@code path} as a new visitor and logs in as {@code username} on the login page it leads to. */
    private static WebDriverWait logIn(String path, String username) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.manage().deleteAllCookies();
        browser.get(central.baseUrl + path);
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(DemoAccounts.PASSWORD);
        browser.findElement(By.id("login-button")).click();
        return wait;
    }

    @Test
    void reviewerApprovesCase() {
        String caseNo = central.villageCase("孙八");

        WebDriverWait wait = logIn("/", "reviewer");

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

    @Test
    void adminIssuesTokenAndReadsSyncStatus() {
        WebDriverWait wait = logIn("/registrations", "admin");

        WebElement filter = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("point-filter")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#point-select option")));
        filter.sendKeys("里仁");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#point-select option"), 1));
        new Select(browser.findElement(By.id("point-select"))).selectByValue("321323101004");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("point-chosen"), "里仁居委会"));
        browser.findElement(By.id("issue-button")).click();

        WebElement token = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("issued-token")));
        assertTrue(token.getText().matches("[2-9A-Z]{5}(-[2-9A-Z]{5}){3}"), token.getText());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-rows"), "可使用"));

        browser.findElement(By.linkText("同步状态")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#node-rows tr"), 252));
        String summary = browser.findElement(By.id("node-summary")).getText();
        assertTrue(summary.contains("未注册 252"), summary);
    }
}
