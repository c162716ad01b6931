package cn.siyiban.core.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.calendar.CalendarStore;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.cases.IntakeRequest;
import cn.siyiban.core.cases.IntakeRequest.ApplicantInput;
import cn.siyiban.core.cases.IntakeRequest.MaterialInput;
import cn.siyiban.core.cases.IntakeService;
import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.staff.Role;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.testing.CoreDerby;
import cn.siyiban.core.time.CountyClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Matters without an application for three years are flagged, measured on a moved county clock. */
class IdleMattersOnDerbyTest {

    private static final String POINT = "321323101001";
    /** When the catalogue is published and the first case taken in: Friday 4 December 2026, 10:00. */
    private static final LocalDateTime START = LocalDateTime.of(2026, 12, 4, 10, 0);
    private static final Staff CLERK =
            new Staff("s1", "clerk", "测试代办员", Role.VILLAGE_CLERK, POINT, null, "x", true);

    @TempDir
    Path folder;
    private Database database;

    @BeforeEach
    void open() {
        database = CoreDerby.seeded(folder.resolve("db"), 4, at(START));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static CountyClock at(LocalDateTime time) {
        return new CountyClock(Clock.fixed(time.atZone(CountyClock.ZONE).toInstant(), CountyClock.ZONE));
    }

    private IdleMatters.Activity activity(String matterCode, LocalDateTime now) {
        return new IdleMatters(database, new CatalogueStore(database), at(now)).activities().stream()
                .filter(a -> a.matter().code().equals(matterCode)).findFirst().orElseThrow();
    }

    /** Takes in a 最低生活保障申请 (SYM-023) case at {@code time}. */
    private void lowIncomeCase(LocalDateTime time) {
        CaseStore cases = new CaseStore(database);
        IntakeService intake = new IntakeService(cases, new CatalogueStore(database), new CalendarStore(database),
                at(time), POINT);
        intake.takeIn(new IntakeRequest("SYM-023",
                new ApplicantInput("张三", "resident_id", "11010519491231002x", "13912345678", "泗阳县爱园镇"),
                List.of(new MaterialInput("SYM-023-M01", "received"), new MaterialInput("SYM-023-M02", "received"),
                        new MaterialInput("SYM-023-M04", "received"), new MaterialInput("SYM-023-M05", "received"),
                        new MaterialInput("SYM-023-M06", "received")),
                false, null), CLERK);
    }

    @Test
    void matterWithoutCasesFlaggedAfterThreeYears() {
        assertFalse(activity("SYM-001", START.plusYears(3).minusMinutes(1)).idle());

        IdleMatters.Activity later = activity("SYM-001", START.plusYears(3).plusMinutes(1));
        assertTrue(later.idle());
        assertNull(later.lastApplication());
        assertEquals(START, later.activeSince());
    }

    @Test
    void lastCaseStartsTheThreeYears() {
        lowIncomeCase(START.plusYears(1));

        assertFalse(activity("SYM-023", START.plusYears(4).minusMinutes(1)).idle());
        IdleMatters.Activity later = activity("SYM-023", START.plusYears(4).plusMinutes(1));
        assertTrue(later.idle());
        assertEquals(START.plusYears(1), later.lastApplication());
    }

    @Test
    void recentCaseKeepsMatterActive() {
        lowIncomeCase(START.plusYears(3));

        assertFalse(activity("SYM-023", START.plusYears(3).plusDays(1)).idle());
        assertTrue(activity("SYM-001", START.plusYears(3).plusDays(1)).idle());
    }
}
