package cn.siyiban.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.seed.DemoAccounts;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Printed forms rendered by headless Chromium to an A4 PDF, whose text PDFBox reads back. It uses
 * Debian's chromium and chromedriver and fails when they are missing, because CI installs them.
 */
class PrintedFormsBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private static TestNode node;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        assertTrue(CHROMIUM.canExecute(), "missing " + CHROMIUM + ": apt-get install chromium chromium-driver");
        assertTrue(CHROMEDRIVER.canExecute(), "missing " + CHROMEDRIVER + ": apt-get install chromium-driver");
        node = TestNode.start();
        Path profile = Files.createTempDirectory("chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(), "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
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
        if (node != null) {
            node.close();
        }
    }

    /** Prints the current page to an A4 PDF and returns its text and page count. */
    private static PrintedText print() throws IOException {
        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(29.7, 21.0));
        String pdf = ((PrintsPage) browser).print(options).getContent();
        try (PDDocument document = Loader.loadPDF(Base64.getDecoder().decode(pdf))) {
            return new PrintedText(new PDFTextStripper().getText(document), document.getNumberOfPages());
        }
    }

    private record PrintedText(String text, int pages) {
    }

    @Test
    void missingNoticePrintsTwoCopies() throws IOException {
        ApiClient clerk = node.client();
        clerk.login("clerk", DemoAccounts.PASSWORD);
        var body = IntakeApiTest.subsistenceIntake("王小明", TestNode.residentId("32132319800101123"),
                UUID.randomUUID().toString());
        body.put("supplementDue", "2026-12-31");
        ApiClient.Response created = clerk.post("/api/cases", body);
        String caseNo = created.json().path("caseNo").asText();

        browser.get(node.baseUrl + "/notice/missing/" + caseNo);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(
                ExpectedConditions.numberOfElementsToBe(By.cssSelector("section.notice"), 2));
        PrintedText printed = print();

        // Drop spaces, including the ideographic space U+3000, because PDF text extraction spaces words freely.
        String text = printed.text().replaceAll("[\\s\\u3000]+", "");
        assertEquals(2, printed.pages(), printed.text());
        assertTrue(text.contains("泗阳县政务服务容缺受理通知书"), printed.text());
        assertTrue(text.contains("第一联申请人留存"), printed.text());
        assertTrue(text.contains("第二联受理点存档"), printed.text());
        assertTrue(text.contains(caseNo), printed.text());
        assertTrue(text.contains("收入证明"), printed.text());
        assertTrue(text.contains("2026年12月31日"), printed.text());
        assertTrue(text.contains("逾期未补齐的，承办部门可终止办理本申请"), printed.text());
        assertTrue(text.contains("全县通办"), printed.text());
        assertEquals(2, browser.findElements(By.cssSelector("img.case-code")).stream()
                .filter(img -> ((Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                        .executeScript("return arguments[0].naturalWidth", img)).intValue() > 0).count(),
                "each copy shows the QR code");
    }
}
