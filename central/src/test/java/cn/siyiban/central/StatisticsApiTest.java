package cn.siyiban.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.applicant.ResidentIdNumber;
import cn.siyiban.core.calendar.CalendarStore;
import cn.siyiban.core.cases.CaseEventType;
import cn.siyiban.core.cases.CaseHistory;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.cases.IntakeRequest;
import cn.siyiban.core.cases.IntakeRequest.MaterialInput;
import cn.siyiban.core.cases.IntakeService;
import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.staff.StaffStore;
import cn.siyiban.core.time.CountyClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The county statistics and their CSV export, against six cases whose figures are worked out by hand. */
class StatisticsApiTest {

    /** 王集居委会, a village of 王集镇. */
    private static final String OTHER_VILLAGE = "321323102001";
    /** 爱园镇, the township of the demo village. */
    private static final String TOWNSHIP = "321323101000";
    private static final String PERIOD = "?from=2026-03&to=2026-04";
    private static final List<MaterialInput> UNEMPLOYMENT = List.of(new MaterialInput("SYM-013-M01", "received"),
            new MaterialInput("SYM-013-M02", "received"));
    private static final List<MaterialInput> LOW_INCOME = List.of(new MaterialInput("SYM-023-M01", "received"),
            new MaterialInput("SYM-023-M02", "received"), new MaterialInput("SYM-023-M04", "received"),
            new MaterialInput("SYM-023-M05", "received"), new MaterialInput("SYM-023-M06", "received"));
    private static final List<MaterialInput> CARD_CANCEL = List.of(new MaterialInput("SYM-002-M01", "received"));

    @RegisterExtension
    static final TestCentral central = TestCentral.perClass();

    @BeforeAll
    static void setUp() {
        // March 2026. 失业登记 (SYM-013) is 当场办结, 30 minutes: one approved in 20 minutes, one in an hour.
        String quick = takeIn(TestCentral.VILLAGE, "SYM-013", UNEMPLOYMENT, false, at(2026, 3, 2, 9, 0));
        decide(quick, at(2026, 3, 2, 9, 20));
        String slow = takeIn(TestCentral.VILLAGE, "SYM-013", UNEMPLOYMENT, false, at(2026, 3, 3, 9, 0));
        decide(slow, at(2026, 3, 3, 10, 0));
        // 最低生活保障申请 (SYM-023) promises 25 working days: a proxy case approved on time, one never decided.
        String onTime = takeIn(OTHER_VILLAGE, "SYM-023", LOW_INCOME, true, at(2026, 3, 5, 9, 0));
        decide(onTime, at(2026, 3, 20, 9, 0));
        takeIn(TestCentral.VILLAGE, "SYM-023", LOW_INCOME, false, at(2026, 3, 10, 9, 0));
        // April 2026. 社会保障卡注销 (SYM-002) promises 1 working day and is approved 9 days later.
        String late = takeIn(TOWNSHIP, "SYM-002", CARD_CANCEL, false, at(2026, 4, 1, 9, 0));
        decide(late, at(2026, 4, 10, 9, 0));
        takeIn(TestCentral.VILLAGE, "SYM-023", LOW_INCOME, true, at(2026, 4, 15, 9, 0));
        // May 2026, outside the period.
        takeIn(TestCentral.VILLAGE, "SYM-013", UNEMPLOYMENT, false, at(2026, 5, 4, 9, 0));
    }

    private static LocalDateTime at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute);
    }

    private static CountyClock clock(LocalDateTime time) {
        return new CountyClock(Clock.fixed(time.atZone(CountyClock.ZONE).toInstant(), CountyClock.ZONE));
    }

    /** Takes in a case at {@code point} as if its node had recorded it at {@code time} and synced it. */
    private static String takeIn(String point, String matter, List<MaterialInput> materials, boolean proxy,
                                 LocalDateTime time) {
        CaseStore cases = new CaseStore(central.app.database());
        IntakeService intake = new IntakeService(cases, new CatalogueStore(central.app.database()),
                new CalendarStore(central.app.database()), clock(time), point);
        String first17 = "32132319750304123";
        IntakeRequest request = new IntakeRequest(matter, new IntakeRequest.ApplicantInput("钱七", "resident_id",
                first17 + ResidentIdNumber.checkCharacter(first17), "13905271234", "泗阳县爱园镇"),
                materials, proxy, null);
        Staff clerk = new StaffStore(central.app.database()).findByUsername("clerk").orElseThrow();
        return intake.takeIn(request, clerk).record().caseNo();
    }

    private static void decide(String caseNo, LocalDateTime time) {
        new CaseHistory(new CaseStore(central.app.database()), clock(time), CentralApp.COUNTY_POINT)
                .append(caseNo, CaseEventType.APPROVED, "reviewer", null);
    }

    private static JsonNode statistics(String query) {
        ApiClient.Response response = central.loggedIn("admin").get("/api/statistics" + query);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private static List<Integer> ints(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asInt).toList();
    }

    @Test
    void totalsPerMonth() {
        JsonNode report = statistics(PERIOD);

        assertEquals(List.of("2026-03", "2026-04"), List.of(report.path("months").get(0).asText(),
                report.path("months").get(1).asText()));
        assertEquals(6, report.path("total").asInt());
        assertEquals(List.of(4, 2), ints(report.path("monthTotals")));
    }

    @Test
    void townshipGroupsVillagesUnderTheirTownship() {
        JsonNode groups = statistics(PERIOD + "&by=township").path("groups");

        assertEquals(2, groups.size(), groups.toString());
        assertEquals(TOWNSHIP, groups.get(0).path("key").asText());
        assertEquals("爱园镇", groups.get(0).path("name").asText());
        assertEquals(List.of(3, 2), ints(groups.get(0).path("perMonth")));
        assertEquals("王集镇", groups.get(1).path("name").asText());
        assertEquals(1, groups.get(1).path("total").asInt());
    }

    @Test
    void pointMatterAndDepartmentGroups() {
        JsonNode points = statistics(PERIOD + "&by=point").path("groups");
        assertEquals(TestCentral.VILLAGE, points.get(0).path("key").asText());
        assertEquals(4, points.get(0).path("total").asInt());
        assertEquals(3, points.size());

        JsonNode matters = statistics(PERIOD + "&by=matter").path("groups");
        assertEquals("SYM-023", matters.get(0).path("key").asText());
        assertEquals(List.of(2, 1), ints(matters.get(0).path("perMonth")));
        assertEquals("SYM-013", matters.get(1).path("key").asText());
        assertEquals("失业登记", matters.get(1).path("name").asText());
        assertEquals("SYM-002", matters.get(2).path("key").asText());

        JsonNode departments = statistics(PERIOD + "&by=department").path("groups");
        assertEquals("县人社局", departments.get(0).path("name").asText());
        assertEquals(3, departments.get(0).path("total").asInt());
        assertEquals("县民政局", departments.get(1).path("name").asText());
        assertEquals(3, departments.get(1).path("total").asInt());
    }

    @Test
    void immediateCasesDoneOnTheSpot() {
        JsonNode immediate = statistics(PERIOD).path("immediate");

        assertEquals(2, immediate.path("cases").asInt());
        assertEquals(1, immediate.path("doneOnTheSpot").asInt());
        assertEquals(0.5, immediate.path("share").asDouble(), 0.0001);
    }

    @Test
    void promisedCasesCompliance() {
        JsonNode promised = statistics(PERIOD).path("promised");

        assertEquals(4, promised.path("cases").asInt());
        assertEquals(1, promised.path("onTime").asInt());
        assertEquals(1, promised.path("late").asInt());
        assertEquals(2, promised.path("openOverdue").asInt());
        assertEquals(0.25, promised.path("compliance").asDouble(), 0.0001);
    }

    @Test
    void proxyAndBundleShares() {
        JsonNode report = statistics(PERIOD);

        assertEquals(2, report.path("proxy").path("cases").asInt());
        assertEquals(0.333, report.path("proxy").path("share").asDouble(), 0.0001);
        assertEquals(List.of(1, 1), ints(report.path("proxy").path("perMonth")));
        JsonNode trend = report.path("bundleTrend");
        assertEquals(12, trend.size());
        assertEquals("2026-04", trend.get(11).path("month").asText());
        assertEquals(2, trend.get(11).path("cases").asInt());
        assertEquals(0, trend.get(11).path("bundleCases").asInt());
        JsonNode ratings = report.path("ratings");
        assertEquals(0, ratings.path("total").asInt(), ratings.toString());
        assertEquals(5, ratings.path("levels").size(), ratings.toString());
        assertTrue(ratings.path("followUpRate").isNull(), ratings.toString());
    }

    @Test
    void csvExportStartsWithByteOrderMark() {
        ApiClient.Response response = central.loggedIn("admin").get("/api/statistics/export.csv" + PERIOD
                + "&by=township");

        assertEquals(200, response.status(), response.body());
        assertTrue(response.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(response.raw().headers().firstValue("Content-Disposition").orElse("").contains(".csv"));
        String body = response.body();
        assertEquals('\uFEFF', body.charAt(0));
        List<String> lines = body.substring(1).lines().toList();
        assertEquals("编码,镇（街道）,2026-03,2026-04,合计", lines.get(0));
        assertEquals(TOWNSHIP + ",爱园镇,3,2,5", lines.get(1));
        assertEquals(OTHER_VILLAGE.substring(0, 9) + "000,王集镇,1,0,1", lines.get(2));
        // Commons CSV quotes an empty first field, so the line does not start with a bare comma.
        assertEquals("\"\",全县合计,4,2,6", lines.get(3));
    }

    @Test
    void reviewerCannotReadStatistics() {
        ApiClient.Response response = central.loggedIn("reviewer").get("/api/statistics" + PERIOD);

        assertEquals(403, response.status(), response.body());
    }

    @Test
    void invalidPeriodRejected() {
        ApiClient.Response reversed = central.loggedIn("admin").get("/api/statistics?from=2026-05&to=2026-04");
        assertEquals(400, reversed.status(), reversed.body());
        ApiClient.Response grouping = central.loggedIn("admin").get("/api/statistics?by=village");
        assertEquals(400, grouping.status(), grouping.body());
        assertEquals("invalid_parameter", grouping.json().path("code").asText());
    }
}
