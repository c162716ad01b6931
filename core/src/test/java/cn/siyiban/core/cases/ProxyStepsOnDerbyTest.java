package cn.siyiban.core.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.siyiban.core.calendar.CalendarStore;
import cn.siyiban.core.cases.IntakeRequest.ApplicantInput;
import cn.siyiban.core.cases.IntakeRequest.MaterialInput;
import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.error.DomainException;
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

/** Steps of proxy cases (帮办代办) on a real Derby database. */
class ProxyStepsOnDerbyTest {

    private static final String POINT = "321323101001";
    private static final String COUNTY_POINT = "321323000000";
    private static final CountyClock CLOCK =
            new CountyClock(Clock.fixed(Instant.parse("2026-12-04T02:00:00Z"), CountyClock.ZONE));
    private static final Staff CLERK = new Staff("s1", "clerk", "测试代办员", Role.VILLAGE_CLERK, POINT, null, "x", true);
    private static final Staff ADMIN = new Staff("s2", "admin", "测试管理员", Role.COUNTY_ADMIN, null, null, "x", true);

    @TempDir
    Path folder;
    private Database database;
    private CaseStore cases;
    private IntakeService intake;
    private CaseHistory history;
    private ProxySteps steps;
    private DecisionService decisions;

    @BeforeEach
    void open() {
        database = CoreDerby.seeded(folder.resolve("node"), 4, CLOCK);
        cases = new CaseStore(database);
        intake = new IntakeService(cases, new CatalogueStore(database), new CalendarStore(database), CLOCK, POINT);
        history = new CaseHistory(cases, CLOCK, POINT);
        steps = new ProxySteps(cases, history);
        decisions = new DecisionService(cases, new CaseHistory(cases, CLOCK, COUNTY_POINT));
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** Takes in SYM-023 with every material received. */
    private String takeIn(boolean proxy) {
        IntakeRequest request = new IntakeRequest("SYM-023",
                new ApplicantInput("张三", "resident_id", "11010519491231002x", "13912345678", "泗阳县爱园镇"),
                List.of(new MaterialInput("SYM-023-M01", "received"), new MaterialInput("SYM-023-M02", "received"),
                        new MaterialInput("SYM-023-M04", "received"), new MaterialInput("SYM-023-M05", "received"),
                        new MaterialInput("SYM-023-M06", "received")),
                proxy, null);
        return intake.takeIn(request, CLERK).record().caseNo();
    }

    private CaseRecord find(String caseNo) {
        return cases.findByCaseNo(caseNo).orElseThrow();
    }

    @Test
    void allSixStepsRecordedInOrder() {
        String caseNo = takeIn(true);

        steps.record(caseNo, "entrusted", "申请人签署委托书", CLERK);
        steps.record(caseNo, "proxy_handled", "已送县民政局", CLERK);
        decisions.decide(caseNo, "approve", null, List.of(), ADMIN);
        decisions.decide(caseNo, "result_ready", null, List.of(), ADMIN);
        history.append(caseNo, CaseEventType.DELIVERED, CLERK.username(), null);
        steps.record(caseNo, "archived", null, CLERK);
        steps.record(caseNo, "followed_up", "电话回访，满意", CLERK);

        CaseRecord record = find(caseNo);
        List<ProxySteps.Progress> progress = ProxySteps.progress(record);
        assertEquals(ProxySteps.STEPS, progress.stream().map(ProxySteps.Progress::step).toList());
        for (ProxySteps.Progress step : progress) {
            assertNotNull(step.event(), step.step().code());
            assertEquals(CLERK.username(), step.event().actor(), step.step().code());
            assertEquals(POINT, step.event().eventPoint(), step.step().code());
        }
        assertEquals(List.of(), HashChainVerifier.verify(record.events()));
        assertEquals(CaseEventType.DELIVERED, record.status());
    }

    @Test
    void proxyStepLeavesStatusUnchanged() {
        String caseNo = takeIn(true);

        steps.record(caseNo, "entrusted", null, CLERK);

        assertEquals(CaseEventType.INTAKE, find(caseNo).status());
        CaseSummary summary = cases.list(new CaseQuery(POINT, null, null, caseNo, null, null, 10)).get(0);
        assertEquals(CaseEventType.INTAKE, summary.status());
        // A department can still decide, because its rules read the workflow status.
        decisions.decide(caseNo, "approve", null, List.of(), ADMIN);
        assertEquals(CaseEventType.APPROVED, find(caseNo).status());
    }

    @Test
    void stepBeforeEarlierStepRejected() {
        String caseNo = takeIn(true);

        DomainException handled = assertThrows(DomainException.class,
                () -> steps.record(caseNo, "proxy_handled", null, CLERK));
        assertEquals("proxy_step_out_of_order", handled.code());
        assertEquals("entrusted", handled.details().get("missingStep"));

        steps.record(caseNo, "entrusted", null, CLERK);
        steps.record(caseNo, "proxy_handled", null, CLERK);
        DomainException archived = assertThrows(DomainException.class,
                () -> steps.record(caseNo, "archived", null, CLERK));
        assertEquals("proxy_step_out_of_order", archived.code());
        assertEquals("delivered", archived.details().get("missingStep"));
    }

    @Test
    void stepRecordedOnlyOnce() {
        String caseNo = takeIn(true);
        steps.record(caseNo, "entrusted", null, CLERK);

        DomainException error = assertThrows(DomainException.class,
                () -> steps.record(caseNo, "entrusted", null, CLERK));

        assertEquals("proxy_step_recorded", error.code());
    }

    @Test
    void ownCaseHasNoProxySteps() {
        String caseNo = takeIn(false);

        DomainException error = assertThrows(DomainException.class,
                () -> steps.record(caseNo, "entrusted", null, CLERK));

        assertEquals("not_proxy_case", error.code());
        assertNull(ProxySteps.progress(find(caseNo)).get(0).event());
    }

    @Test
    void intakeAndDeliveryNotRecordedHere() {
        String caseNo = takeIn(true);

        for (String step : List.of("intake", "delivered", "approved", "nonsense")) {
            DomainException error = assertThrows(DomainException.class,
                    () -> steps.record(caseNo, step, null, CLERK), step);
            assertEquals("invalid_proxy_step", error.code(), step);
        }
    }
}
