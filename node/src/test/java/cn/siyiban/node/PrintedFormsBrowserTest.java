package cn.siyiban.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.cases.CaseHistory;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.cases.DecisionService;
import cn.siyiban.core.seed.DemoAccounts;
import cn.siyiban.core.testing.TestBrowser;
import cn.siyiban.core.time.CountyClock;
import java.awt.GraphicsEnvironment;

import java.io.IOException;


import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebDriver;



import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Printed forms rendered by headless Chromium to an A4 PDF, whose text PDFBox reads back. It uses
 * Debian's chromium and chromedriver and fails when they are missing, because CI installs them.
 */
class PrintedFormsBrowserTest {
    /** Ideographs of the form titles; a font that draws them all counts as a CJK font. */
    private static final String IDEOGRAPH_SAMPLE = "泗阳县政务服务受理回执告知承诺书";
    /**
     * Whether a font that draws Chinese is installed. Only then does Chromium embed every ideograph
     * with a Unicode mapping, so only then are the printed forms checked character by character.
     * {@code .ci/run} installs Debian's fonts-noto-cjk.
     */
    private static final boolean CJK_FONT = cjkFontInstalled();

    @RegisterExtension
    static final TestNode node = TestNode.perClass();
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
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

    /**
     * Returns whether fontconfig offers a font that draws {@link #IDEOGRAPH_SAMPLE}. Java lists the
     * same fontconfig fonts that Chromium picks from, and needs no fontconfig command-line tools.
     */
    private static boolean cjkFontInstalled() {
        System.setProperty("java.awt.headless", "true");
        return Stream.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts())
                .anyMatch(font -> font.canDisplayUpTo(IDEOGRAPH_SAMPLE) == -1);
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

    /** Division code of the county centre, which records department decisions at central. */
    private static final String COUNTY_POINT = "321323000000";

    /** Takes in a 最低生活保障申请 case through the API and returns its number. */
    private static String takeIn(String name, String first17, boolean proxy) {
        ApiClient clerk = node.client();
        clerk.login("clerk", DemoAccounts.PASSWORD);
        Map<String, Object> body = IntakeApiTest.subsistenceIntake(name, TestNode.residentId(first17),
                UUID.randomUUID().toString());
        body.put("proxy", proxy);
        ApiClient.Response created = clerk.post("/api/cases", body);
        assertEquals(201, created.status(), created.body());
        return created.json().path("caseNo").asText();
    }

    /**
     * Records a department decision in the node's database with central's point code, as the row
     * arrives when SymmetricDS has synced it from central.
     */
    private static void decideAsCentral(String caseNo, String decision, String comment, List<String> materials) {
        CaseStore cases = new CaseStore(node.app.database());
        DecisionService decisions = new DecisionService(cases,
                new CaseHistory(cases, CountyClock.system(), COUNTY_POINT));
        decisions.decide(caseNo, decision, comment, materials, DemoAccounts.reviewer(List.of("县民政局")));
    }

    /** Opens a form page, waits until the form is drawn and its QR code has loaded, and prints it. */
    private static String printForm(String path, String formSelector) throws IOException {
        browser.get(node.baseUrl + path);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(formSelector)));
        wait.until(driver -> ((Number) ((JavascriptExecutor) driver).executeScript(
                "var img = document.querySelector('img.case-code');"
                        + " return img && img.complete ? img.naturalWidth : 0;")).intValue() > 0);
        PrintedText printed = print();
        assertEquals(1, printed.pages(), printed.text());
        // Drop spaces, including the ideographic space U+3000, because PDF text extraction spaces words freely.
        String text = printed.text().replaceAll("[\\s\\u3000]+", "");
        long unmapped = text.chars().filter(c -> c == 0).count();
        if (CJK_FONT) {
            assertEquals(0, unmapped, "printed characters without a Unicode mapping: " + text);
        } else {
            // Without a CJK font, such as on a Debian image with only DejaVu and Liberation, Chromium's
            // PDF leaves a few ideographs without a Unicode mapping and PDFBox returns U+0000 for them.
            // The 5% bound still catches a form that printed as boxes.
            assertTrue(unmapped * 20 < text.length(),
                    "more than 5% of the printed characters are unmapped (no CJK font installed): " + text);
        }
        return text;
    }

    /**
     * Asserts that {@code printed} contains {@code expected}. Without a CJK font it reads U+0000 in
     * the PDF text as any character, for the reason given in {@link #printForm}, which bounds how
     * many there may be.
     */
    private static void assertPrinted(String printed, String expected) {
        if (CJK_FONT) {
            assertTrue(printed.contains(expected), "missing \"" + expected + "\" in " + printed);
            return;
        }
        StringBuilder regex = new StringBuilder();
        expected.codePoints().forEach(c -> regex.append("(?:").append(Pattern.quote(Character.toString(c)))
                .append("|\\x00)"));
        assertTrue(Pattern.compile(regex.toString()).matcher(printed).find(),
                "missing \"" + expected + "\" in " + printed);
    }

    @Test
    void receiptPrintsWithQrCode() throws IOException {
        String caseNo = takeIn("李回执", "32132319800101124", false);

        String text = printForm("/receipt/" + caseNo, "#receipt");

        assertPrinted(text, "泗阳县政务服务受理回执");
        assertPrinted(text, caseNo);
        assertPrinted(text, "李回执");
    }

    @Test
    void proxyFormPrintsForProxyCase() throws IOException {
        String caseNo = takeIn("赵委托", "32132319800101125", true);

        String text = printForm("/forms/proxy/" + caseNo, "section.printed-form");

        assertPrinted(text, "泗阳县政务服务帮办代办委托书");
        assertPrinted(text, caseNo);
        assertPrinted(text, "委托人：赵委托");
        assertPrinted(text, "最低生活保障申请");
        assertPrinted(text, "帮办代办服务全程免费");
        assertPrinted(text, "委托、受理、办理、送达、归档、回访");
    }

    @Test
    void proxyFormAbsentForOwnCase() {
        String caseNo = takeIn("钱自办", "32132319800101126", false);

        browser.get(node.baseUrl + "/forms/proxy/" + caseNo);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(
                ExpectedConditions.visibilityOfElementLocated(By.id("not-applicable")));

        assertEquals(0, browser.findElements(By.cssSelector("section.printed-form")).size());
        assertTrue(browser.findElement(By.id("not-applicable")).getText().contains("不是代办件"));
    }

    @Test
    void commitmentFormListsCommittedMaterial() throws IOException {
        String caseNo = takeIn("孙承诺", "32132319800101127", false);

        String text = printForm("/forms/commitment/" + caseNo, "section.printed-form");

        assertPrinted(text, "泗阳县政务服务告知承诺书");
        assertPrinted(text, caseNo);
        assertPrinted(text, "孙承诺");
        // SYM-023-M05 is the material the intake replaced by a commitment; 收入证明 was only missing.
        assertPrinted(text, "诊断证明");
        assertFalse(text.contains("收入证明"), text);
        assertPrinted(text, "虚假承诺的后果");
        assertPrinted(text, "不再适用告知承诺和容缺受理");
    }

    @Test
    void supplementRequestPrintsDepartmentMaterials() throws IOException {
        String caseNo = takeIn("周补正", "32132319800101128", false);
        decideAsCentral(caseNo, "request_supplement", "户口簿复印件不清晰", List.of("户口簿复印件（清晰）"));

        String text = printForm("/forms/supplement-request/" + caseNo, "section.printed-form");

        assertPrinted(text, "泗阳县政务服务补正材料通知书");
        assertPrinted(text, caseNo);
        assertPrinted(text, "户口簿复印件（清晰）");
        assertPrinted(text, "部门意见：户口簿复印件不清晰");
        assertPrinted(text, "全县通办");
    }

    @Test
    void resultNoticePrintsRejectionWithRemedy() throws IOException {
        String caseNo = takeIn("吴办结", "32132319800101129", false);
        decideAsCentral(caseNo, "reject", "家庭收入超过低保标准", List.of());
        decideAsCentral(caseNo, "result_ready", null, List.of());

        String text = printForm("/forms/result/" + caseNo, "section.printed-form");

        assertPrinted(text, "泗阳县政务服务办结通知");
        assertPrinted(text, caseNo);
        assertPrinted(text, "不予批准");
        assertPrinted(text, "理由：家庭收入超过低保标准");
        assertPrinted(text, "行政复议");
        assertPrinted(text, "请携带本通知和身份证件到");
    }

    @Test
    void resultNoticeWaitsForDecision() {
        String caseNo = takeIn("郑等待", "32132319800101130", false);

        browser.get(node.baseUrl + "/forms/result/" + caseNo);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(
                ExpectedConditions.visibilityOfElementLocated(By.id("not-applicable")));

        assertEquals(0, browser.findElements(By.cssSelector("section.printed-form")).size());
    }
}
