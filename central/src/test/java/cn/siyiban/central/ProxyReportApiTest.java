package cn.siyiban.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.applicant.ResidentIdNumber;
import cn.siyiban.core.calendar.CalendarStore;
import cn.siyiban.core.cases.CaseEventType;
import cn.siyiban.core.cases.CaseHistory;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.cases.IntakeRequest;
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

/** The monthly proxy-case report (帮办代办) per point, per township and for the county. */
class ProxyReportApiTest {

    /** 王集居委会, a village of 王集镇, the second township of the report. */
    private static final String OTHER_VILLAGE = "321323102001";

    @RegisterExtension
    static final TestCentral central = TestCentral.perClass();

    @BeforeAll
    static void setUp() {
        // March 2026: two proxy cases at 北爱园居委会 (one delivered after 26 hours), one at 王集居委会
        // delivered after 5 hours, and a non-proxy case that the report leaves out.
        String first = takeIn(TestCentral.VILLAGE, LocalDateTime.of(2026, 3, 2, 9, 0), true);
        deliver(first, LocalDateTime.of(2026, 3, 3, 11, 0));
        takeIn(TestCentral.VILLAGE, LocalDateTime.of(2026, 3, 20, 9, 0), true);
        String other = takeIn(OTHER_VILLAGE, LocalDateTime.of(2026, 3, 31, 10, 0), true);
        deliver(other, LocalDateTime.of(2026, 3, 31, 15, 0));
        takeIn(TestCentral.VILLAGE, LocalDateTime.of(2026, 3, 5, 9, 0), false);
        // April 2026: a proxy case of the next month.
        takeIn(TestCentral.VILLAGE, LocalDateTime.of(2026, 4, 1, 0, 0), true);
    }

    private static CountyClock at(LocalDateTime time) {
        return new CountyClock(Clock.fixed(time.atZone(CountyClock.ZONE).toInstant(), CountyClock.ZONE));
    }

    /** Takes in a 最低生活保障申请 case at {@code point} as if its node had recorded it at {@code time}. */
    private static String takeIn(String point, LocalDateTime time, boolean proxy) {
        CaseStore cases = new CaseStore(central.app.database());
        IntakeService intake = new IntakeService(cases, new CatalogueStore(central.app.database()),
                new CalendarStore(central.app.database()), at(time), point);
        String first17 = "32132319750304123";
        IntakeRequest request = new IntakeRequest("SYM-023",
                new IntakeRequest.ApplicantInput("钱七", "resident_id",
                        first17 + ResidentIdNumber.checkCharacter(first17), "13905271234", "泗阳县爱园镇"),
                List.of(new IntakeRequest.MaterialInput("SYM-023-M01", "received"),
                        new IntakeRequest.MaterialInput("SYM-023-M02", "received"),
                        new IntakeRequest.MaterialInput("SYM-023-M04", "received"),
                        new IntakeRequest.MaterialInput("SYM-023-M05", "received"),
                        new IntakeRequest.MaterialInput("SYM-023-M06", "received")),
                proxy, null);
        Staff clerk = new StaffStore(central.app.database()).findByUsername("clerk").orElseThrow();
        return intake.takeIn(request, clerk).record().caseNo();
    }

    private static void deliver(String caseNo, LocalDateTime time) {
        CaseStore cases = new CaseStore(central.app.database());
        new CaseHistory(cases, at(time), TestCentral.VILLAGE).append(caseNo, CaseEventType.DELIVERED, "clerk", null);
    }

    @Test
    void countyTotalsCountOnlyMonthsProxyCases() {
        ApiClient.Response response = central.loggedIn("admin").get("/api/reports/proxy?month=2026-03");

        assertEquals(200, response.status(), response.body());
        JsonNode county = response.json().path("county");
        assertEquals("2026-03", response.json().path("month").asText());
        assertEquals(3, county.path("cases").asInt(), response.body());
        assertEquals(2, county.path("delivered").asInt(), response.body());
        assertEquals(15.5, county.path("averageHours").asDouble(), 0.001, response.body());
    }

    @Test
    void pointLinesShowMattersAndAverage() {
        JsonNode report = central.loggedIn("admin").get("/api/reports/proxy?month=2026-03").json();

        JsonNode points = report.path("points");
        assertEquals(2, points.size(), report.toString());
        JsonNode village = points.get(0);
        assertEquals(TestCentral.VILLAGE, village.path("totals").path("code").asText());
        assertEquals("北爱园居委会", village.path("totals").path("name").asText());
        assertEquals("爱园镇", village.path("townshipName").asText());
        assertEquals(2, village.path("totals").path("cases").asInt());
        assertEquals(1, village.path("totals").path("delivered").asInt());
        assertEquals(26.0, village.path("totals").path("averageHours").asDouble(), 0.001);
        assertEquals("SYM-023", village.path("matters").get(0).path("matterCode").asText());
        assertEquals(2, village.path("matters").get(0).path("cases").asInt());
    }

    @Test
    void townshipTotalsGroupVillages() {
        JsonNode townships = central.loggedIn("admin").get("/api/reports/proxy?month=2026-03").json()
                .path("townships");

        assertEquals(2, townships.size(), townships.toString());
        assertEquals("爱园镇", townships.get(0).path("name").asText());
        assertEquals(2, townships.get(0).path("cases").asInt());
        assertEquals("王集镇", townships.get(1).path("name").asText());
        assertEquals(1, townships.get(1).path("cases").asInt());
        assertEquals(5.0, townships.get(1).path("averageHours").asDouble(), 0.001);
    }

    @Test
    void undeliveredMonthHasNoAverage() {
        JsonNode county = central.loggedIn("admin").get("/api/reports/proxy?month=2026-04").json().path("county");

        assertEquals(1, county.path("cases").asInt());
        assertEquals(0, county.path("delivered").asInt());
        assertTrue(county.path("averageHours").isNull(), county.toString());
    }

    @Test
    void reviewerCannotReadReport() {
        ApiClient.Response response = central.loggedIn("reviewer").get("/api/reports/proxy?month=2026-03");

        assertEquals(403, response.status(), response.body());
    }

    @Test
    void invalidMonthRejected() {
        ApiClient.Response response = central.loggedIn("admin").get("/api/reports/proxy?month=2026-13");

        assertEquals(400, response.status(), response.body());
        assertEquals("invalid_parameter", response.json().path("code").asText());
    }

    @Test
    void reportPageServed() {
        ApiClient.Response response = central.loggedIn("admin").get("/proxy-report");

        assertEquals(200, response.status());
        assertTrue(response.body().contains("帮办代办月报"), response.body());
    }
}
