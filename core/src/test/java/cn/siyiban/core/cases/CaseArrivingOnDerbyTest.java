package cn.siyiban.core.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.testing.CoreDerby;
import cn.siyiban.core.time.CountyClock;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case row that reached central in one batch while its events are still in the next, as a
 * SymmetricDS reload sends table by table, on a real Derby database.
 */
class CaseArrivingOnDerbyTest {

    @TempDir
    Path folder;
    private Database database;

    @BeforeEach
    void open() {
        database = CoreDerby.seeded(folder.resolve("central"), 2, CountyClock.system());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void caseWithoutEventsNotFoundYet() {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_case (id, case_no, "
                    + "origin_point, matter_code, matter_name, department, catalogue_version, applicant_name, "
                    + "applicant_id_type, applicant_id_no, applicant_phone, applicant_address, proxy, intake_clerk, "
                    + "created_at) VALUES ('c1', '321323101001-20261204-0001', '321323101001', 'SYM-023', '最低生活保障',"
                    + " '县民政局', 1, '赵一', 'resident_id', '321323198001011234', '13905271234', '泗阳县', false,"
                    + " 'clerk', ?)")) {
                insert.setTimestamp(1, Timestamp.valueOf(LocalDateTime.of(2026, 12, 4, 10, 0)));
                return insert.executeUpdate();
            }
        });

        CaseStore cases = new CaseStore(database);

        assertTrue(cases.findByCaseNo("321323101001-20261204-0001").isEmpty());
        assertTrue(cases.findById("c1").isEmpty());
        assertTrue(cases.list(new CaseQuery(null, null, null, null, null, null, 10)).isEmpty());
        DomainException incomplete = assertThrows(DomainException.class,
                () -> cases.require("321323101001-20261204-0001"));
        assertEquals("case_incomplete", incomplete.code());
        assertEquals(DomainException.Kind.CONFLICT, incomplete.kind());
        DomainException missing = assertThrows(DomainException.class,
                () -> cases.require("321323101001-20261204-0002"));
        assertEquals("case_not_found", missing.code());
    }
}
