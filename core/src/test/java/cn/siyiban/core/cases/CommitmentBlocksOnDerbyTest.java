package cn.siyiban.core.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.applicant.ResidentIdNumber;
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
import java.sql.ResultSetMetaData;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verification of commitments (告知承诺) on real Derby databases: a false commitment recorded at
 * central blocks commitments and 容缺 at a node once its block row has been copied there, as
 * sync copies it.
 */
class CommitmentBlocksOnDerbyTest {

    private static final String POINT = "321323101001";
    private static final String ID_NUMBER = "11010519491231002X";
    private static final String OTHER_ID_NUMBER =
            "11010519800101001" + ResidentIdNumber.checkCharacter("11010519800101001");
    private static final CountyClock CLOCK =
            new CountyClock(Clock.fixed(Instant.parse("2026-12-04T02:00:00Z"), CountyClock.ZONE));
    private static final Staff CLERK = new Staff("s1", "clerk", "测试代办员", Role.VILLAGE_CLERK, POINT, null, "x", true);
    private static final Staff REVIEWER = new Staff("s2", "reviewer", "测试审核人员", Role.REVIEWER, null, "县民政局",
            "x", true);

    @TempDir
    Path folder;
    private Database central;
    private Database node;
    private CommitmentChecks checks;

    @BeforeEach
    void open() {
        central = open("central");
        node = open("node");
        checks = new CommitmentChecks(new CaseStore(central), CLOCK);
    }

    private Database open(String name) {
        return CoreDerby.seeded(folder.resolve(name), 4, CLOCK);
    }

    @AfterEach
    void close() {
        central.close();
        node.close();
    }

    private static IntakeService intake(Database database) {
        CaseStore cases = new CaseStore(database);
        return new IntakeService(cases, new CatalogueStore(database), new CalendarStore(database), CLOCK, POINT);
    }

    /** SYM-023 for the test applicant with 收入证明 (M04) and 诊断证明 (M05) in the given statuses. */
    private static IntakeRequest request(String idNumber, String incomeProof, String diagnosis) {
        return new IntakeRequest("SYM-023",
                new ApplicantInput("张三", "resident_id", idNumber, "13912345678", "泗阳县爱园镇"),
                List.of(new MaterialInput("SYM-023-M01", "received"), new MaterialInput("SYM-023-M02", "received"),
                        new MaterialInput("SYM-023-M04", incomeProof), new MaterialInput("SYM-023-M05", diagnosis),
                        new MaterialInput("SYM-023-M06", "received")),
                false, null, null);
    }

    /** Takes in a case at central with 诊断证明 committed and records that commitment as {@code truthful}. */
    private CommitmentChecks.Result committedAndChecked(boolean truthful) {
        String caseNo = intake(central).takeIn(request(ID_NUMBER, "received", "committed"), CLERK).record().caseNo();
        return checks.record(caseNo, "SYM-023-M05", truthful, truthful ? null : "医院无此诊断记录", REVIEWER);
    }

    /** Copies every block row from central to the node, as sync does. */
    private void copyBlocks() {
        List<Object[]> rows = central.query(connection -> {
            List<Object[]> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM sy_commitment_block");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Object[] values = new Object[8];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = row.getObject(i + 1);
                    }
                    found.add(values);
                }
            }
            return found;
        });
        node.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO sy_commitment_block VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Object[] values : rows) {
                    for (int i = 0; i < values.length; i++) {
                        insert.setObject(i + 1, values[i]);
                    }
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    @Test
    void falseCommitmentBlocksNodeAfterCopy() {
        CommitmentChecks.Result result = committedAndChecked(false);
        assertNotNull(result.blockId());

        // Before the row arrives, the node still takes a commitment from the applicant.
        intake(node).takeIn(request(ID_NUMBER, "received", "committed"), CLERK);
        copyBlocks();

        DomainException committed = assertThrows(DomainException.class,
                () -> intake(node).takeIn(request(ID_NUMBER, "received", "committed"), CLERK));
        assertEquals("commitment_blocked", committed.code());
        DomainException tolerated = assertThrows(DomainException.class,
                () -> intake(node).takeIn(request(ID_NUMBER, "missing", "received"), CLERK));
        assertEquals("commitment_blocked", tolerated.code());
    }

    @Test
    void blockedApplicantWithAllMaterialsTakenIn() {
        committedAndChecked(false);
        copyBlocks();

        CaseRecord record = intake(node).takeIn(request(ID_NUMBER, "received", "received"), CLERK).record();

        assertEquals(CaseEventType.INTAKE, record.status());
    }

    @Test
    void blockMatchesLowercaseCheckCharacter() {
        committedAndChecked(false);
        copyBlocks();

        DomainException error = assertThrows(DomainException.class,
                () -> intake(node).takeIn(request(ID_NUMBER.toLowerCase(), "received", "committed"), CLERK));

        assertEquals("commitment_blocked", error.code());
    }

    @Test
    void otherApplicantNotBlocked() {
        committedAndChecked(false);
        copyBlocks();

        CaseRecord record = intake(node).takeIn(request(OTHER_ID_NUMBER, "received", "committed"), CLERK)
                .record();

        assertEquals(CaseEventType.INTAKE, record.status());
    }

    @Test
    void trueCommitmentDoesNotBlock() {
        CommitmentChecks.Result result = committedAndChecked(true);
        copyBlocks();

        assertNull(result.blockId());
        intake(central).takeIn(request(ID_NUMBER, "received", "committed"), CLERK);
    }

    @Test
    void clearedBlockNoLongerBlocks() {
        committedAndChecked(false);
        CaseRecord record = intake(central).takeIn(request(ID_NUMBER, "received", "received"), CLERK).record();

        assertEquals(1, new CommitmentBlocks(central).clear(record.applicant(), "admin", CLOCK.now()));
        copyBlocks();

        assertFalse(new CommitmentBlocks(node).blocked(record.applicant()));
        intake(node).takeIn(request(ID_NUMBER, "received", "committed"), CLERK);
    }

    @Test
    void blockRowHoldsNoIdNumber() {
        committedAndChecked(false);

        List<String> values = central.query(connection -> {
            List<String> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM sy_commitment_block");
                 ResultSet row = select.executeQuery()) {
                ResultSetMetaData columns = row.getMetaData();
                while (row.next()) {
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        found.add(String.valueOf(row.getObject(i)));
                    }
                }
            }
            return found;
        });

        assertEquals(8, values.size(), values.toString());
        for (String value : values) {
            assertFalse(value.toUpperCase().contains("11010519491231002"), value);
            assertFalse(value.contains("张三"), value);
        }
        assertTrue(values.get(1).matches("[0-9a-f]{64}"), values.get(1));
    }

    @Test
    void checkRulesRejectBadRequests() {
        String caseNo = intake(central).takeIn(request(ID_NUMBER, "received", "committed"), CLERK).record().caseNo();

        DomainException received = assertThrows(DomainException.class,
                () -> checks.record(caseNo, "SYM-023-M04", false, "x", REVIEWER));
        assertEquals("material_not_committed", received.code());
        DomainException noNote = assertThrows(DomainException.class,
                () -> checks.record(caseNo, "SYM-023-M05", false, " ", REVIEWER));
        assertEquals("missing_note", noNote.code());
        DomainException noResult = assertThrows(DomainException.class,
                () -> checks.record(caseNo, "SYM-023-M05", null, null, REVIEWER));
        assertEquals("missing_truthful", noResult.code());

        checks.record(caseNo, "SYM-023-M05", true, null, REVIEWER);
        DomainException twice = assertThrows(DomainException.class,
                () -> checks.record(caseNo, "SYM-023-M05", false, "复查不实", REVIEWER));
        assertEquals("commitment_checked", twice.code());
    }
}
