package cn.siyiban.core.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.calendar.CalendarStore;
import cn.siyiban.core.cases.CaseEventType;
import cn.siyiban.core.cases.CaseHistory;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.cases.IntakeRequest;
import cn.siyiban.core.cases.IntakeRequest.ApplicantInput;
import cn.siyiban.core.cases.IntakeRequest.MaterialInput;
import cn.siyiban.core.cases.IntakeService;
import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.network.PointStore;
import cn.siyiban.core.staff.Role;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.testing.CoreDerby;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.web.PointNames;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which reminders the planner puts into the outbox on which day, against a real Derby database. */
class ReminderPlannerTest {

    private static final String POINT = "321323101201";
    /** Friday 4 December 2026, 10:00 in Siyang. */
    private static final LocalDateTime INTAKE = LocalDateTime.of(2026, 12, 4, 10, 0);
    private static final Staff CLERK = new Staff("s1", "clerk", "测试代办员", Role.VILLAGE_CLERK, POINT, null, "x", true);

    @TempDir
    Path folder;
    private Database database;
    private CaseStore cases;
    private ReminderStore store;

    @BeforeEach
    void open() {
        database = CoreDerby.seeded(folder.resolve("db"), 4, clockAt(INTAKE));
        cases = new CaseStore(database);
        store = new ReminderStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static CountyClock clockAt(LocalDateTime time) {
        return new CountyClock(Clock.fixed(time.atZone(CountyClock.ZONE).toInstant(), CountyClock.ZONE));
    }

    private ReminderPlanner planner(LocalDateTime now, Set<ReminderKind> kinds, String point) {
        return new ReminderPlanner(cases, new CatalogueStore(database), store, new PointNames(new PointStore(database)),
                clockAt(now), kinds, point);
    }

    /** Takes in 最低生活保障申请 (SYM-023) with 收入证明 missing until {@code supplementDue}, or complete. */
    private String intake(String supplementDue) {
        IntakeService intake = new IntakeService(cases, new CatalogueStore(database), new CalendarStore(database),
                clockAt(INTAKE), POINT);
        IntakeRequest request = new IntakeRequest("SYM-023",
                new ApplicantInput("王五", "resident_id", "11010519491231002x", "13912345678", "泗阳县爱园镇"),
                List.of(new MaterialInput("SYM-023-M01", "received"), new MaterialInput("SYM-023-M02", "received"),
                        new MaterialInput("SYM-023-M04", supplementDue == null ? "received" : "missing"),
                        new MaterialInput("SYM-023-M05", "received"), new MaterialInput("SYM-023-M06", "received")),
                false, null, supplementDue);
        return intake.takeIn(request, CLERK).record().caseNo();
    }

    private void setValidity(String matter, int months) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE sy_matter SET validity_months = ? WHERE code = ?")) {
                update.setInt(1, months);
                update.setString(2, matter);
                return update.executeUpdate();
            }
        });
    }

    @Test
    void supplementReminderTwoDaysBeforeDeadline() {
        String caseNo = intake("2026-12-10");
        Set<ReminderKind> node = Set.of(ReminderKind.SUPPLEMENT_DUE);

        assertEquals(0, planner(LocalDateTime.of(2026, 12, 7, 9, 0), node, POINT).plan());
        assertEquals(1, planner(LocalDateTime.of(2026, 12, 8, 9, 0), node, POINT).plan());
        assertEquals(0, planner(LocalDateTime.of(2026, 12, 9, 9, 0), node, POINT).plan());

        Reminder reminder = store.latest(null, 10).get(0);
        assertEquals(caseNo, reminder.caseNo());
        assertEquals(LocalDate.of(2026, 12, 10), reminder.targetDate());
        assertEquals(ReminderState.PENDING, reminder.state());
        assertTrue(reminder.message().contains("请于2026年12月10日前"), reminder.message());
        assertTrue(reminder.message().contains("收入证明"), reminder.message());
    }

    @Test
    void supplementReminderOnlyForOwnPoint() {
        intake("2026-12-10");

        assertEquals(0, planner(LocalDateTime.of(2026, 12, 9, 9, 0), Set.of(ReminderKind.SUPPLEMENT_DUE),
                "321323102001").plan());
    }

    @Test
    void centralPlansNoSupplementReminder() {
        intake("2026-12-10");

        assertEquals(0, planner(LocalDateTime.of(2026, 12, 9, 9, 0),
                Set.of(ReminderKind.RESULT_COLLECTION, ReminderKind.CERTIFICATE_EXPIRY), null).plan());
    }

    @Test
    void certificateReminderThirtyDaysBeforeExpiry() {
        setValidity("SYM-023", 12);
        String caseNo = intake(null);
        new CaseHistory(cases, clockAt(INTAKE.plusDays(3)), "321323000000")
                .append(caseNo, CaseEventType.APPROVED, "reviewer", null);
        LocalDate expiry = LocalDate.of(2027, 12, 7);
        Set<ReminderKind> central = Set.of(ReminderKind.CERTIFICATE_EXPIRY);

        assertEquals(0, planner(expiry.minusDays(31).atTime(9, 0), central, null).plan());
        assertEquals(1, planner(expiry.minusDays(30).atTime(9, 0), central, null).plan());
        assertEquals(0, planner(expiry.minusDays(29).atTime(9, 0), central, null).plan());

        Reminder reminder = store.latest(null, 10).get(0);
        assertEquals(ReminderKind.CERTIFICATE_EXPIRY, reminder.kind());
        assertEquals(expiry, reminder.targetDate());
        assertTrue(reminder.message().contains("将于2027年12月7日到期"), reminder.message());
    }

    @Test
    void noCertificateReminderWithoutValidity() {
        String caseNo = intake(null);
        new CaseHistory(cases, clockAt(INTAKE.plusDays(3)), "321323000000")
                .append(caseNo, CaseEventType.APPROVED, "reviewer", null);

        assertEquals(0, planner(LocalDateTime.of(2027, 11, 20, 9, 0), Set.of(ReminderKind.CERTIFICATE_EXPIRY), null)
                .plan());
    }

    @Test
    void backoffDoublesUpToSixHours() {
        assertEquals(Duration.ofMinutes(1), ReminderDispatcher.backoff(1));
        assertEquals(Duration.ofMinutes(2), ReminderDispatcher.backoff(2));
        assertEquals(Duration.ofMinutes(256), ReminderDispatcher.backoff(9));
        assertEquals(Duration.ofHours(6), ReminderDispatcher.backoff(10));
        assertEquals(Duration.ofHours(6), ReminderDispatcher.backoff(40));
    }
}
