package cn.siyiban.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.calendar.CalendarStore;
import cn.siyiban.core.cases.CaseEventType;
import cn.siyiban.core.cases.CaseHistory;
import cn.siyiban.core.cases.CaseQuery;
import cn.siyiban.core.cases.CaseRecord;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.cases.HashChainVerifier;
import cn.siyiban.core.cases.IntakeRequest;
import cn.siyiban.core.cases.IntakeRequest.ApplicantInput;
import cn.siyiban.core.cases.IntakeRequest.MaterialInput;
import cn.siyiban.core.cases.IntakeResult;
import cn.siyiban.core.cases.IntakeService;
import cn.siyiban.core.cases.MaterialStatus;
import cn.siyiban.core.catalogue.CatalogueCsv;
import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.seed.ReferenceDataSeeder;
import cn.siyiban.core.staff.Role;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.testing.CoreDerby;
import cn.siyiban.core.time.CountyClock;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Intake against a real embedded Derby database in a temporary folder. */
class IntakeOnDerbyTest {

    private static final String POINT = "321323101201";
    /** Friday 4 December 2026, 10:00 in Siyang. */
    private static final CountyClock CLOCK =
            new CountyClock(Clock.fixed(Instant.parse("2026-12-04T02:00:00Z"), CountyClock.ZONE));
    private static final Staff CLERK =
            new Staff("s1", "clerk", "测试代办员", Role.VILLAGE_CLERK, POINT, null, "x", true);

    @TempDir
    Path folder;
    private Database database;
    private IntakeService intake;
    private CaseStore cases;

    @BeforeEach
    void open() {
        database = CoreDerby.seeded(folder.resolve("db"), 4, CLOCK);
        cases = new CaseStore(database);
        intake = new IntakeService(cases, new CatalogueStore(database), new CalendarStore(database), CLOCK, POINT);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static IntakeRequest lowIncomeRequest(String name, String requestKey) {
        // SYM-023 最低生活保障申请: its 收入证明 (M04) is a non-key material that may be missing.
        return new IntakeRequest("SYM-023",
                new ApplicantInput(name, "resident_id", "11010519491231002x", "13912345678", "泗阳县爱园镇"),
                List.of(new MaterialInput("SYM-023-M01", "received"), new MaterialInput("SYM-023-M02", "received"),
                        new MaterialInput("SYM-023-M04", "missing"), new MaterialInput("SYM-023-M05", "committed"),
                        new MaterialInput("SYM-023-M06", "received")),
                false, requestKey);
    }

    @Test
    void storesCaseWithRareCharactersExactly() {
        IntakeResult result = intake.takeIn(lowIncomeRequest("𠮷𬌗明", null), CLERK);
        assertTrue(result.created());
        CaseRecord stored = cases.findByCaseNo(result.record().caseNo()).orElseThrow();
        assertEquals("𠮷𬌗明", stored.applicant().name());
        assertEquals("11010519491231002X", stored.applicant().idNumber());
        assertEquals(POINT + "-20261204-0001", stored.caseNo());
        assertEquals(1, stored.catalogueVersion());
        assertEquals(MaterialStatus.MISSING, stored.materials().get(3).status());
        assertEquals(CaseEventType.INTAKE, stored.status());
        // 25 working days from Friday 4 December 2026: the shipped calendar ends with 2026, so only
        // weekends are skipped in January 2027 and the limit ends on Friday 8 January.
        assertEquals(LocalDateTime.of(2027, 1, 8, 23, 59, 59), stored.dueAt());
    }

    @Test
    void repeatedRequestKeyReturnsSameCase() {
        IntakeResult first = intake.takeIn(lowIncomeRequest("张三", "form-1"), CLERK);
        IntakeResult repeat = intake.takeIn(lowIncomeRequest("张三", "form-1"), CLERK);
        IntakeResult second = intake.takeIn(lowIncomeRequest("李四", "form-2"), CLERK);
        assertFalse(repeat.created());
        assertEquals(first.record().caseNo(), repeat.record().caseNo());
        assertEquals(POINT + "-20261204-0002", second.record().caseNo());
        assertEquals(2, cases.count());
    }

    @Test
    void concurrentIntakesGetDistinctNumbers() throws Exception {
        int clerks = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clerks);
        try {
            List<java.util.concurrent.Future<IntakeResult>> saves = new java.util.ArrayList<>();
            for (int i = 0; i < clerks; i++) {
                String name = "张" + "一二三四五六七八".charAt(i);
                saves.add(pool.submit(() -> intake.takeIn(lowIncomeRequest(name, null), CLERK)));
            }
            java.util.Set<String> numbers = new java.util.HashSet<>();
            for (java.util.concurrent.Future<IntakeResult> save : saves) {
                numbers.add(save.get().record().caseNo());
            }
            assertEquals(clerks, numbers.size());
            assertEquals(clerks, cases.count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void numberSavedByAnotherWriterIsSkipped() {
        assertEquals(POINT + "-20261204-0001", intake.takeIn(lowIncomeRequest("张一", null), CLERK).record().caseNo());
        // A second writer of the same database, as SymmetricDS is when it loads a case of this
        // point back from central, saves the number this service would draw next.
        IntakeService other = new IntakeService(cases, new CatalogueStore(database), new CalendarStore(database),
                CLOCK, POINT);
        assertEquals(POINT + "-20261204-0002", other.takeIn(lowIncomeRequest("张二", null), CLERK).record().caseNo());

        IntakeResult third = intake.takeIn(lowIncomeRequest("张三", null), CLERK);

        assertEquals(POINT + "-20261204-0003", third.record().caseNo());
        assertEquals(3, cases.count());
    }

    @Test
    void numbersFollowTheCounterOfEarlierVersions() {
        // Earlier versions raised sy_case_no_counter in each intake; a number it counted may
        // belong to an intake that failed, and is still never drawn again.
        database.inTransaction(connection -> {
            try (java.sql.PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO sy_case_no_counter (point_code, counter_date, last_value) VALUES (?, ?, 5)")) {
                insert.setString(1, POINT);
                insert.setDate(2, java.sql.Date.valueOf("2026-12-04"));
                return insert.executeUpdate();
            }
        });

        IntakeResult result = intake.takeIn(lowIncomeRequest("张三", null), CLERK);

        assertEquals(POINT + "-20261204-0006", result.record().caseNo());
    }

    @Test
    void intakeOutlastsBriefLockFailures() throws Exception {
        // Under load Derby raised lock failures inside the capture trigger without waiting. With
        // no lock wait, every conflicting lock fails that way.
        database.inTransaction(connection -> {
            try (Statement call = connection.createStatement()) {
                call.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '0')");
            }
            return null;
        });
        CountDownLatch locked = new CountDownLatch(1);
        Thread holder = new Thread(() -> database.inTransaction(connection -> {
            try (Statement lock = connection.createStatement()) {
                lock.execute("LOCK TABLE sy_case IN EXCLUSIVE MODE");
            }
            locked.countDown();
            // Three attempts without a pause would all fall within this time.
            sleep(300);
            return null;
        }));
        holder.start();
        assertTrue(locked.await(10, TimeUnit.SECONDS), "table locked");

        IntakeResult result = intake.takeIn(lowIncomeRequest("张三", null), CLERK);
        holder.join();

        assertTrue(result.created());
        assertEquals(1, cases.count());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void concurrentRepeatsOfOneFormSaveOneCase() throws Exception {
        int repeats = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(repeats);
        try {
            List<java.util.concurrent.Future<IntakeResult>> saves = new java.util.ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                saves.add(pool.submit(() -> intake.takeIn(lowIncomeRequest("张三", "double-click"), CLERK)));
            }
            java.util.Set<String> numbers = new java.util.HashSet<>();
            for (java.util.concurrent.Future<IntakeResult> save : saves) {
                numbers.add(save.get().record().caseNo());
            }
            assertEquals(1, numbers.size());
            assertEquals(1, cases.count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsMissingKeyMaterialAndSavesNothing() {
        IntakeRequest request = new IntakeRequest("SYM-023",
                new ApplicantInput("张三", null, "11010519491231002X", "13912345678", null),
                List.of(new MaterialInput("SYM-023-M01", "missing")), false, null);
        DomainException error = assertThrows(DomainException.class, () -> intake.takeIn(request, CLERK));
        assertEquals("key_material_missing", error.code());
        assertEquals(0, cases.count());
    }

    @Test
    void rejectsCommitmentWhereNotAllowed() {
        IntakeRequest request = new IntakeRequest("SYM-023",
                new ApplicantInput("张三", null, "11010519491231002X", "13912345678", null),
                List.of(new MaterialInput("SYM-023-M01", "committed")), false, null);
        assertEquals("commitment_not_allowed",
                assertThrows(DomainException.class, () -> intake.takeIn(request, CLERK)).code());
    }

    @Test
    void rejectsProxyForPersonalMatter() {
        // SYM-049 结婚登记 requires both parties in person.
        IntakeRequest request = new IntakeRequest("SYM-049",
                new ApplicantInput("张三", null, "11010519491231002X", "13912345678", null), List.of(), true, null);
        assertEquals("proxy_not_allowed",
                assertThrows(DomainException.class, () -> intake.takeIn(request, CLERK)).code());
    }

    @Test
    void appendedEventsKeepTheChainIntact() {
        String caseNo = intake.takeIn(lowIncomeRequest("张三", null), CLERK).record().caseNo();
        CaseHistory history = new CaseHistory(cases, CLOCK, "321323000000");
        history.append(caseNo, CaseEventType.APPROVED, "reviewer", "{\"comment\":\"同意\"}");
        CaseRecord stored = cases.findByCaseNo(caseNo).orElseThrow();
        assertEquals(CaseEventType.APPROVED, stored.status());
        assertEquals(List.of(), HashChainVerifier.verify(stored.events()));
        assertEquals(CaseEventType.APPROVED, cases.list(new CaseQuery(POINT, null, null, "张", null, null, 10))
                .get(0).status());
    }

    @Test
    void appendRetriesAfterLockTimeout() throws Exception {
        String caseNo = intake.takeIn(lowIncomeRequest("张三", null), CLERK).record().caseNo();
        CaseHistory history = new CaseHistory(cases, CLOCK, "321323000000");
        // The first attempt times out after 2 s while another transaction holds the event table
        // for 3 s, and the second attempt gets the lock once that transaction commits.
        setLockWaitTimeout(2);
        CountDownLatch locked = new CountDownLatch(1);
        Thread holder = new Thread(() -> database.inTransaction(connection -> {
            try (Statement sql = connection.createStatement()) {
                sql.execute("LOCK TABLE sy_case_event IN EXCLUSIVE MODE");
            }
            locked.countDown();
            sleep(3_000);
            return null;
        }));
        holder.start();
        assertTrue(locked.await(10, TimeUnit.SECONDS));

        history.append(caseNo, CaseEventType.APPROVED, "reviewer", null);
        holder.join();

        CaseRecord stored = cases.findByCaseNo(caseNo).orElseThrow();
        assertEquals(2, stored.events().size());
        assertEquals(CaseEventType.APPROVED, stored.status());
    }

    private void setLockWaitTimeout(int seconds) {
        database.inTransaction(connection -> {
            try (Statement sql = connection.createStatement()) {
                sql.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '" + seconds + "')");
            }
            return null;
        });
    }

    @Test
    void migratingAgainChangesNothing() {
        assertEquals(List.of(), SchemaMigrator.core().migrate(database));
        ReferenceDataSeeder.seedIfEmpty(database, CLOCK);
        assertEquals(1, new CatalogueStore(database).currentVersion());
    }

    @Test
    void publishedChangeKeepsOldCaseVersion() {
        String caseNo = intake.takeIn(lowIncomeRequest("张三", null), CLERK).record().caseNo();
        CatalogueStore catalogue = new CatalogueStore(database);
        var changed = CatalogueCsv.seed().stream().filter(m -> !m.code().equals("SYM-058")).toList();
        int version = catalogue.publish(changed, "admin", "停办一项", CLOCK.now());
        assertEquals(2, version);
        assertTrue(catalogue.find("SYM-058").orElseThrow().retired());
        assertEquals(1, cases.findByCaseNo(caseNo).orElseThrow().catalogueVersion());
    }
}
