package cn.siyiban.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.central.review.CaseArrivals;
import cn.siyiban.core.applicant.ResidentIdNumber;
import cn.siyiban.core.calendar.CalendarStore;
import cn.siyiban.core.cases.CaseRecord;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.cases.IntakeRequest;
import cn.siyiban.core.cases.IntakeService;
import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.seed.DemoAccounts;
import cn.siyiban.core.staff.PasswordHasher;
import cn.siyiban.core.staff.Role;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.staff.StaffStore;
import cn.siyiban.core.time.CountyClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The intake workflows at central: the overdue 容缺 list and termination, the county calendar API
 * with its effect on working-day deadlines, and the due and clock flags of the review list.
 */
class IntakeWorkflowsApiTest {

    @RegisterExtension
    static final TestCentral central = TestCentral.perClass();
    private static ApiClient reviewer;
    private static ApiClient admin;

    @BeforeAll
    static void setUp() {
        reviewer = central.loggedIn("reviewer");
        admin = central.loggedIn("admin");
        new StaffStore(central.app.database()).insert(new Staff(UUID.randomUUID().toString(), "police2",
                "公安审核人员", Role.REVIEWER, null, "县公安局", PasswordHasher.hash(DemoAccounts.PASSWORD), true),
                CountyClock.system().now());
    }

    /**
     * Takes in a case of 最低生活保障申请 (SYM-023, 25 promised working days) at the demo village
     * as if its node had recorded it at {@code at}. {@code incomeProof} is the status of the
     * tolerable material 收入证明; {@code supplementDue} may be null.
     */
    private static CaseRecord villageCase(LocalDateTime at, String incomeProof, String supplementDue) {
        CountyClock clock = new CountyClock(Clock.fixed(at.atZone(CountyClock.ZONE).toInstant(), CountyClock.ZONE));
        IntakeService intake = new IntakeService(new CaseStore(central.app.database()),
                new CatalogueStore(central.app.database()), new CalendarStore(central.app.database()), clock,
                TestCentral.VILLAGE);
        String first17 = "32132319750304123";
        IntakeRequest request = new IntakeRequest("SYM-023",
                new IntakeRequest.ApplicantInput("钱七", "resident_id",
                        first17 + ResidentIdNumber.checkCharacter(first17), "13905271234", "泗阳县爱园镇北爱园居委会"),
                List.of(new IntakeRequest.MaterialInput("SYM-023-M01", "received"),
                        new IntakeRequest.MaterialInput("SYM-023-M02", "received"),
                        new IntakeRequest.MaterialInput("SYM-023-M04", incomeProof),
                        new IntakeRequest.MaterialInput("SYM-023-M05", "received"),
                        new IntakeRequest.MaterialInput("SYM-023-M06", "received")),
                false, null, supplementDue);
        Staff clerk = new StaffStore(central.app.database()).findByUsername("clerk").orElseThrow();
        return intake.takeIn(request, clerk).record();
    }

    private static JsonNode listRow(ApiClient client, String caseNo) {
        ApiClient.Response response = client.get("/api/cases?q=" + caseNo);
        assertEquals(200, response.status(), response.body());
        for (JsonNode row : response.json()) {
            if (row.path("caseNo").asText().equals(caseNo)) {
                return row;
            }
        }
        throw new AssertionError("case " + caseNo + " not in the list: " + response.body());
    }

    @Test
    void overdueCaseIsListedAndTerminated() {
        String caseNo = villageCase(LocalDateTime.of(2026, 2, 13, 10, 0), "missing", "2026-02-27").caseNo();

        ApiClient.Response list = reviewer.get("/api/workflows/overdue-supplements");
        assertEquals(200, list.status(), list.body());
        JsonNode row = null;
        for (JsonNode item : list.json()) {
            if (item.path("caseNo").asText().equals(caseNo)) {
                row = item;
            }
        }
        assertTrue(row != null, "overdue case missing from " + list.body());
        assertEquals("2026-02-27", row.path("supplementDue").asText());
        assertEquals("收入证明", row.path("stillMissing").path(0).asText());

        ApiClient police = central.loggedIn("police2");
        ApiClient.Response forbidden = police.post("/api/cases/" + caseNo + "/termination", Map.of("comment", ""));
        assertEquals(403, forbidden.status(), forbidden.body());

        ApiClient.Response terminated = reviewer.post("/api/cases/" + caseNo + "/termination", Map.of("comment", ""));
        assertEquals(201, terminated.status(), terminated.body());
        assertEquals("terminated", terminated.json().path("type").asText());
        assertTrue(terminated.json().path("comment").asText().contains("2026-02-27"), terminated.body());

        JsonNode detail = reviewer.get("/api/cases/" + caseNo).json();
        assertEquals("terminated", detail.path("status").asText());
        ApiClient.Response again = reviewer.post("/api/cases/" + caseNo + "/termination", Map.of("comment", ""));
        assertEquals(409, again.status(), again.body());
        assertEquals("not_overdue", again.json().path("code").asText());
    }

    @Test
    void caseWithinDeadlineCannotBeTerminated() {
        String caseNo = villageCase(CountyClock.system().now(), "missing", null).caseNo();

        ApiClient.Response response = reviewer.post("/api/cases/" + caseNo + "/termination",
                Map.of("comment", "试图提前终止"));

        assertEquals(409, response.status(), response.body());
        assertEquals("not_overdue", response.json().path("code").asText());
    }

    @Test
    void localHolidayMovesWorkingDayDeadline() {
        ApiClient.Response added = admin.post("/api/calendar/days",
                Map.of("date", "2026-03-10", "kind", "holiday", "name", "县级自定休息日"));
        assertEquals(201, added.status(), added.body());
        assertTrue(added.json().path("countyAdded").asBoolean(), added.body());

        // Friday 13 February 2026: Saturday the 14th is an adjusted working day, 15 to 23 February
        // are the Spring Festival, Saturday the 28th is worked again and Tuesday 10 March is the
        // county's own day off. The 25th working day is therefore Friday 27 March; without the
        // local day it would be the 26th, and without the adjusted Saturdays 31 March.
        CaseRecord record = villageCase(LocalDateTime.of(2026, 2, 13, 9, 30), "received", null);

        assertEquals(LocalDateTime.of(2026, 3, 27, 23, 59, 59), record.dueAt());
        JsonNode days = reviewer.get("/api/calendar?year=2026").json().path("days");
        boolean listed = false;
        for (JsonNode day : days) {
            listed |= day.path("date").asText().equals("2026-03-10") && day.path("countyAdded").asBoolean();
        }
        assertTrue(listed, days.toString());
    }

    @Test
    void calendarChangesAreCheckedAndAdminOnly() {
        Map<String, Object> workday = Map.of("date", "2026-11-14", "kind", "workday", "name", "县里补班");

        ApiClient.Response byReviewer = reviewer.post("/api/calendar/days", workday);
        assertEquals(403, byReviewer.status(), byReviewer.body());
        ApiClient.Response noEffect = admin.post("/api/calendar/days",
                Map.of("date", "2026-11-13", "kind", "workday", "name", "周五本来上班"));
        assertEquals(422, noEffect.status(), noEffect.body());
        assertEquals("day_kind_without_effect", noEffect.json().path("code").asText());
        ApiClient.Response national = admin.delete("/api/calendar/days/2026-02-14");
        assertEquals(409, national.status(), national.body());
        assertEquals("national_day_locked", national.json().path("code").asText());

        assertEquals(201, admin.post("/api/calendar/days", workday).status());
        ApiClient.Response twice = admin.post("/api/calendar/days", workday);
        assertEquals(409, twice.status(), twice.body());
        assertEquals("calendar_day_exists", twice.json().path("code").asText());
        ApiClient.Response removed = admin.delete("/api/calendar/days/2026-11-14");
        assertEquals(204, removed.status(), removed.body());
        assertEquals(404, admin.delete("/api/calendar/days/2026-11-14").status());
    }

    @Test
    void reviewListFlagsDueStateAndNodeClock() {
        LocalDateTime now = CountyClock.system().now();
        String overdue = villageCase(LocalDateTime.of(2026, 1, 5, 9, 0), "received", null).caseNo();
        String ahead = villageCase(now.plusHours(2), "received", null).caseNo();

        JsonNode overdueRow = listRow(reviewer, overdue);
        assertEquals("overdue", overdueRow.path("dueState").asText());
        assertEquals("已超期", overdueRow.path("dueStateLabel").asText());
        assertFalse(overdueRow.path("clockOff").asBoolean(), overdueRow.toString());
        JsonNode aheadRow = listRow(reviewer, ahead);
        assertEquals("on_time", aheadRow.path("dueState").asText());
        assertTrue(aheadRow.path("clockOff").asBoolean(), aheadRow.toString());
        assertTrue(reviewer.get("/api/cases/" + ahead).json().path("clockOff").asBoolean());
    }

    /**
     * A case recorded by a node whose clock was two days behind looks like an ordinary offline
     * backlog by its times alone; the offset the sync monitor sampled after the arrival flags it.
     */
    @Test
    void reviewListFlagsNodeClockBehind() throws Exception {
        LocalDateTime now = CountyClock.system().now();
        String behind = villageCase(now.minusDays(2), "received", null).caseNo();
        assertFalse(listRow(reviewer, behind).path("clockOff").asBoolean(), "not flagged before a sample");
        JsonNode unsampled = reviewer.get("/api/cases/" + behind).json();
        assertTrue(unsampled.path("nodeClockOffsetSeconds").isNull(), unsampled.toString());

        try (Connection connection = central.app.database().dataSource().getConnection();
             PreparedStatement sample = connection.prepareStatement("INSERT INTO sy_sync_sample (point_code, "
                     + "sampled_at, outgoing_batches, outgoing_rows, error_batches, lag_seconds, clock_offset_seconds)"
                     + " VALUES (?, ?, 0, 0, 0, 0, ?)")) {
            sample.setString(1, TestCentral.VILLAGE);
            // Right after the arrival, so cases other tests take in later are not stamped.
            sample.setTimestamp(2, Timestamp.valueOf(CountyClock.system().now().plusNanos(1_000_000)));
            sample.setLong(3, -2 * 24 * 3600);
            sample.executeUpdate();
            int stamped = CaseArrivals.stampClockOffsets(connection, now.minusHours(1));
            assertTrue(stamped >= 1, "stamped " + stamped);
        }

        JsonNode row = listRow(reviewer, behind);
        assertTrue(row.path("clockOff").asBoolean(), row.toString());
        JsonNode detail = reviewer.get("/api/cases/" + behind).json();
        assertTrue(detail.path("clockOff").asBoolean(), detail.toString());
        assertEquals(-2 * 24 * 3600, detail.path("nodeClockOffsetSeconds").asLong());
    }
}
