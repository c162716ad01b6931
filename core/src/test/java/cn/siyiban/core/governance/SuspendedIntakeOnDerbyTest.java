package cn.siyiban.core.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.calendar.CalendarStore;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.cases.IntakeRequest;
import cn.siyiban.core.cases.IntakeRequest.ApplicantInput;
import cn.siyiban.core.cases.IntakeRequest.MaterialInput;
import cn.siyiban.core.cases.IntakeService;
import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.map.ServiceMapStore;
import cn.siyiban.core.staff.Role;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.testing.CoreDerby;
import cn.siyiban.core.time.CountyClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node rejects intake of a matter whose latest status row, replicated from central, suspends it,
 * and of a matter outside the point's restricted list.
 */
class SuspendedIntakeOnDerbyTest {

    private static final String POINT = "321323101001";
    private static final CountyClock CLOCK =
            new CountyClock(Clock.fixed(Instant.parse("2026-12-04T02:00:00Z"), CountyClock.ZONE));
    private static final Staff CLERK =
            new Staff("s1", "clerk", "测试代办员", Role.VILLAGE_CLERK, POINT, null, "x", true);

    @TempDir
    Path folder;
    private Database database;
    private IntakeService intake;

    @BeforeEach
    void open() {
        database = CoreDerby.seeded(folder.resolve("db"), 4, CLOCK);
        intake = new IntakeService(new CaseStore(database), new CatalogueStore(database), new CalendarStore(database),
                CLOCK, POINT);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static IntakeRequest request() {
        return new IntakeRequest("SYM-023",
                new ApplicantInput("张三", "resident_id", "11010519491231002x", "13912345678", "泗阳县爱园镇"),
                List.of(new MaterialInput("SYM-023-M01", "received"), new MaterialInput("SYM-023-M02", "received"),
                        new MaterialInput("SYM-023-M04", "received"), new MaterialInput("SYM-023-M05", "received"),
                        new MaterialInput("SYM-023-M06", "received")),
                false, null);
    }

    private void decide(String id, boolean suspended, String reason, int minute) {
        database.inTransaction(connection -> {
            MatterStatusStore.insert(connection, new MatterStatusChange(id, "SYM-023", suspended, reason, "admin",
                    CLOCK.now().minusHours(1).plusMinutes(minute)));
            return null;
        });
    }

    @Test
    void suspendedMatterRejected() {
        decide("d1", true, "三年无办件", 0);

        DomainException rejected = assertThrows(DomainException.class, () -> intake.takeIn(request(), CLERK));

        assertEquals("matter_suspended", rejected.code());
        assertEquals(DomainException.Kind.CONFLICT, rejected.kind());
        assertTrue(rejected.getMessage().contains("已暂停办理"), rejected.getMessage());
        assertTrue(rejected.getMessage().contains("三年无办件"), rejected.getMessage());
    }

    @Test
    void matterOutsideRestrictionRejected() {
        database.inTransaction(connection -> {
            new ServiceMapStore(database).replaceScope(connection, POINT, List.of("SYM-001"), "admin", CLOCK.now());
            return null;
        });

        DomainException rejected = assertThrows(DomainException.class, () -> intake.takeIn(request(), CLERK));

        assertEquals("matter_not_offered", rejected.code());
        assertTrue(rejected.getMessage().contains("服务地图"), rejected.getMessage());
    }

    @Test
    void reactivatedMatterTakenIn() {
        decide("d1", true, "三年无办件", 0);
        decide("d2", false, "镇里反映仍有需求，经批准恢复", 5);

        assertTrue(intake.takeIn(request(), CLERK).created());
    }
}
