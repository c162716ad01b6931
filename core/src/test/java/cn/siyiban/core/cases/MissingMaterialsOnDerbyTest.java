package cn.siyiban.core.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 容缺受理 on real Derby databases: the supplement deadline, the items still missing, and a
 * supply taken at another point that reaches the origin point as a copied row, as sync copies it.
 */
class MissingMaterialsOnDerbyTest {

    private static final String ORIGIN = "321323101001";
    private static final String OTHER = "321323102001";
    /** Friday 4 December 2026, 10:00 in Siyang. */
    private static final CountyClock CLOCK =
            new CountyClock(Clock.fixed(Instant.parse("2026-12-04T02:00:00Z"), CountyClock.ZONE));
    private static final Staff CLERK = new Staff("s1", "clerk", "测试代办员", Role.VILLAGE_CLERK, ORIGIN, null, "x", true);
    private static final Staff OTHER_CLERK =
            new Staff("s2", "clerk9", "外村代办员", Role.VILLAGE_CLERK, OTHER, null, "x", true);

    @TempDir
    Path folder;
    private Database origin;
    private Database other;
    private CaseStore cases;
    private IntakeService intake;
    private SupplementService supplements;

    @BeforeEach
    void open() {
        origin = open("origin");
        other = open("other");
        cases = new CaseStore(origin);
        intake = new IntakeService(cases, new CatalogueStore(origin), new CalendarStore(origin), CLOCK, ORIGIN);
        supplements = supplementService(origin, ORIGIN);
    }

    private Database open(String name) {
        return CoreDerby.seeded(folder.resolve(name), 4, CLOCK);
    }

    private static SupplementService supplementService(Database database, String point) {
        CaseStore store = new CaseStore(database);
        return new SupplementService(store, new CatalogueStore(database), new CaseHistory(store, CLOCK, point), CLOCK,
                point);
    }

    @AfterEach
    void close() {
        origin.close();
        other.close();
    }

    /** SYM-023 with 收入证明 (M04, required, non-key) and the optional 残疾人证 (M03) missing. */
    private static IntakeRequest lowIncome(String supplementDue) {
        return new IntakeRequest("SYM-023",
                new ApplicantInput("张三", "resident_id", "11010519491231002x", "13912345678", "泗阳县爱园镇"),
                List.of(new MaterialInput("SYM-023-M01", "received"), new MaterialInput("SYM-023-M02", "received"),
                        new MaterialInput("SYM-023-M03", "missing"), new MaterialInput("SYM-023-M04", "missing"),
                        new MaterialInput("SYM-023-M05", "received"), new MaterialInput("SYM-023-M06", "received")),
                false, null, supplementDue);
    }

    @Test
    void keyMaterialCannotBeMissing() {
        IntakeRequest request = new IntakeRequest("SYM-023",
                new ApplicantInput("张三", "resident_id", "11010519491231002x", "13912345678", null),
                List.of(new MaterialInput("SYM-023-M01", "received"), new MaterialInput("SYM-023-M02", "missing"),
                        new MaterialInput("SYM-023-M04", "received"), new MaterialInput("SYM-023-M05", "received"),
                        new MaterialInput("SYM-023-M06", "received")),
                false, null, "2026-12-10");
        DomainException error = assertThrows(DomainException.class, () -> intake.takeIn(request, CLERK));
        assertEquals("key_material_missing", error.code());
    }

    @Test
    void deadlinePastPromisedTimeIsRejected() {
        // 25 working days from 4 December 2026 end on Friday 8 January 2027.
        DomainException error = assertThrows(DomainException.class, () -> intake.takeIn(lowIncome("2027-01-09"), CLERK));
        assertEquals("deadline_too_late", error.code());
        assertEquals("2027-01-08", error.details().get("latest"));

        CaseRecord lastDay = intake.takeIn(lowIncome("2027-01-08"), CLERK).record();
        assertEquals(LocalDate.of(2027, 1, 8), MissingMaterials.of(lastDay).supplementDue());
    }

    @Test
    void deadlineBeforeIntakeDayIsRejected() {
        DomainException error = assertThrows(DomainException.class, () -> intake.takeIn(lowIncome("2026-12-03"), CLERK));
        assertEquals("invalid_supplement_deadline", error.code());
    }

    @Test
    void missingListHoldsRequiredItemsOnly() {
        CaseRecord record = intake.takeIn(lowIncome(null), CLERK).record();
        MissingMaterials missing = MissingMaterials.of(record);
        assertEquals(List.of("SYM-023-M04"), missing.stillMissing().stream().map(CaseMaterial::materialId).toList());
        assertEquals(LocalDate.of(2027, 1, 8), missing.supplementDue(), "an empty deadline is the promised day");
    }

    @Test
    void completeCaseHasNoDeadline() {
        IntakeRequest request = new IntakeRequest("SYM-023",
                new ApplicantInput("张三", "resident_id", "11010519491231002x", "13912345678", null),
                List.of(new MaterialInput("SYM-023-M01", "received"), new MaterialInput("SYM-023-M02", "received"),
                        new MaterialInput("SYM-023-M04", "received"), new MaterialInput("SYM-023-M05", "received"),
                        new MaterialInput("SYM-023-M06", "received")),
                false, null, null);
        MissingMaterials missing = MissingMaterials.of(intake.takeIn(request, CLERK).record());
        assertNull(missing.supplementDue());
        assertTrue(missing.stillMissing().isEmpty());
    }

    @Test
    void supplyAtOriginClosesItem() {
        String caseNo = intake.takeIn(lowIncome("2026-12-18"), CLERK).record().caseNo();

        SupplementService.Outcome outcome = supplements.record(caseNo, List.of("SYM-023-M04"), CLERK);

        assertFalse(outcome.forwarded());
        CaseRecord record = cases.findByCaseNo(caseNo).orElseThrow();
        assertTrue(MissingMaterials.of(record).stillMissing().isEmpty());
        assertEquals(CaseEventType.SUPPLEMENTED, record.status());
        DomainException again = assertThrows(DomainException.class,
                () -> supplements.record(caseNo, List.of("SYM-023-M04"), CLERK));
        assertEquals("material_not_missing", again.code());
    }

    @Test
    void supplyAtOtherPointReachesOriginOnce() throws Exception {
        String caseNo = intake.takeIn(lowIncome("2026-12-18"), CLERK).record().caseNo();
        SupplementService atOther = supplementService(other, OTHER);

        SupplementService.Outcome outcome = atOther.record(caseNo, List.of("SYM-023-M04"), OTHER_CLERK);

        assertTrue(outcome.forwarded());
        assertEquals(0, new CaseStore(other).count(), "the other point holds no case data");
        copySupplementRows(other, origin);
        assertEquals(1, supplements.applyForwarded());
        assertEquals(0, supplements.applyForwarded(), "a row is applied once");
        CaseRecord record = cases.findByCaseNo(caseNo).orElseThrow();
        assertTrue(MissingMaterials.of(record).stillMissing().isEmpty());
        CaseEvent supplied = record.latestEvent();
        assertEquals(CaseEventType.SUPPLEMENTED, supplied.type());
        assertEquals(OTHER, supplied.eventPoint());
        assertEquals("clerk9", supplied.actor());
        assertTrue(HashChainVerifier.verify(record.events()).isEmpty());
    }

    @Test
    void supplyAtOtherPointChecksCatalogue() {
        SupplementService atOther = supplementService(other, OTHER);
        DomainException unknown = assertThrows(DomainException.class,
                () -> atOther.record(ORIGIN + "-20261204-0001", List.of("SYM-023-M99"), OTHER_CLERK));
        assertEquals("unknown_material", unknown.code());
        DomainException badNumber = assertThrows(DomainException.class,
                () -> atOther.record("12345", List.of("SYM-023-M04"), OTHER_CLERK));
        assertEquals("invalid_case_no", badNumber.code());
    }

    @Test
    void overdueOnlyAfterDeadlineWithItemsMissing() {
        CaseRecord record = intake.takeIn(lowIncome("2026-12-18"), CLERK).record();
        MissingMaterials missing = MissingMaterials.of(record);
        assertFalse(missing.overdue(LocalDate.of(2026, 12, 18), record.status()));
        assertTrue(missing.overdue(LocalDate.of(2026, 12, 19), record.status()));
        assertFalse(missing.overdue(LocalDate.of(2026, 12, 19), CaseEventType.APPROVED));
    }

    /** Copies every supplement row, as SymmetricDS does from the taking point through central. */
    private static void copySupplementRows(Database from, Database to) {
        List<Object[]> rows = from.query(connection -> {
            List<Object[]> read = new java.util.ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM sy_case_supplement");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    read.add(new Object[] {row.getString("id"), row.getString("case_no"), row.getString("origin_point"),
                            row.getString("taken_point"), row.getString("material_ids"), row.getString("actor"),
                            row.getTimestamp("taken_at")});
                }
            }
            return read;
        });
        to.inTransaction(connection -> {
            for (Object[] values : rows) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO sy_case_supplement VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    for (int i = 0; i < values.length; i++) {
                        insert.setObject(i + 1, values[i]);
                    }
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }
}
