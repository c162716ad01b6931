package cn.siyiban.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.siyiban.core.applicant.Applicant;
import cn.siyiban.core.cases.CommitmentBlocks;
import cn.siyiban.core.seed.DemoAccounts;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Intake at a node for an applicant with a false commitment (告知承诺) on record: the block row
 * is inserted as sync delivers it from central.
 */
class CommitmentBlockApiTest {

    private static final String BLOCKED_ID = TestNode.residentId("32132319660606123");

    @RegisterExtension
    static final TestNode node = TestNode.perClass();
    private static ApiClient clerk;

    @BeforeAll
    static void setUp() {
        clerk = node.client();
        clerk.login("clerk", DemoAccounts.PASSWORD);
        Applicant applicant = Applicant.validated("周九", "resident_id", BLOCKED_ID, "13905271234", null,
                LocalDate.now());
        node.app.database().inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_commitment_block "
                    + "(id, applicant_key, case_no, material_id, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, CommitmentBlocks.applicantKey(applicant));
                insert.setString(3, "321323101001-20261201-0001");
                insert.setString(4, "SYM-023-M05");
                insert.setString(5, "reviewer");
                insert.setTimestamp(6, Timestamp.valueOf(LocalDateTime.now()));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** 最低生活保障申请 with 收入证明 (M04) and 诊断证明 (M05) in the given statuses. */
    private static Map<String, Object> intake(String idNumber, String incomeProof, String diagnosis) {
        Map<String, Object> body = IntakeApiTest.subsistenceIntake("周九", idNumber, UUID.randomUUID().toString());
        body.put("materials", List.of(
                Map.of("materialId", "SYM-023-M01", "status", "received"),
                Map.of("materialId", "SYM-023-M02", "status", "received"),
                Map.of("materialId", "SYM-023-M04", "status", incomeProof),
                Map.of("materialId", "SYM-023-M05", "status", diagnosis),
                Map.of("materialId", "SYM-023-M06", "status", "received")));
        return body;
    }

    @Test
    void commitmentRejectedForBlockedApplicant() {
        ApiClient.Response response = clerk.post("/api/cases", intake(BLOCKED_ID, "received", "committed"));

        assertEquals(409, response.status(), response.body());
        assertEquals("commitment_blocked", response.json().path("code").asText());
    }

    @Test
    void toleranceRejectedForBlockedApplicant() {
        ApiClient.Response response = clerk.post("/api/cases", intake(BLOCKED_ID, "missing", "received"));

        assertEquals(409, response.status(), response.body());
        assertEquals("commitment_blocked", response.json().path("code").asText());
    }

    @Test
    void fullMaterialsAcceptedForBlockedApplicant() {
        ApiClient.Response response = clerk.post("/api/cases", intake(BLOCKED_ID, "received", "received"));

        assertEquals(201, response.status(), response.body());
    }

    @Test
    void otherApplicantMayCommit() {
        String other = TestNode.residentId("32132319660606124");

        ApiClient.Response response = clerk.post("/api/cases", intake(other, "received", "committed"));

        assertEquals(201, response.status(), response.body());
    }
}
