package cn.siyiban.core.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.seed.DemoAccounts;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian chromium driven by Debian's chromedriver, with a fresh profile, for the browser
 * tests of node and central. Fails when they are missing, because CI installs them.
 */
public final class TestBrowser {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    /** How long {@link #logIn} waits for a page to show what a test expects. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    private TestBrowser() {
    }

    /** Starts a browser that keeps no console log. */
    public static WebDriver start() {
        return start(false);
    }

    /**
     * Starts a browser. With {@code consoleLog} the browser's console lines can be read through
     * {@code manage().logs().get(LogType.BROWSER)}.
     */
    public static WebDriver start(boolean consoleLog) {
        assertTrue(CHROMIUM.canExecute(), "missing " + CHROMIUM + ": apt-get install chromium chromium-driver");
        assertTrue(CHROMEDRIVER.canExecute(), "missing " + CHROMEDRIVER + ": apt-get install chromium-driver");
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(), "--lang=zh-CN");
        if (consoleLog) {
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
        }
        // An explicit driver executable keeps Selenium Manager from downloading anything.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /**
     * Opens {@code path} of the server at {@code baseUrl} as a new visitor and logs in as
     * {@code username} with the demo password on the login page it leads to. Returns a wait for
     * the test's next steps.
     */
    public static WebDriverWait logIn(WebDriver browser, String baseUrl, String path, String username) {
        return logIn(browser, baseUrl, path, username, DemoAccounts.PASSWORD);
    }

    /** Logs in as {@code username} with {@code password} on the way to {@code path}. */
    public static WebDriverWait logIn(WebDriver browser, String baseUrl, String path, String username,
                                      String password) {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        browser.manage().deleteAllCookies();
        browser.get(baseUrl + path);
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-button")).click();
        return wait;
    }
}
