package cn.siyiban.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.cases.IntakeRequest;
import cn.siyiban.core.error.DomainException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Verification of commitments (告知承诺) through central's API, the block it writes, and the
 * SymmetricDS routing of the block table to every node group.
 */
class CommitmentCheckApiTest {

    @RegisterExtension
    static final TestCentral central = TestCentral.perClass();
    private static ApiClient reviewer;
    private static ApiClient admin;

    @BeforeAll
    static void logIn() {
        reviewer = central.loggedIn("reviewer");
        admin = central.loggedIn("admin");
    }

    /** Takes in 最低生活保障申请 at the demo village with 诊断证明 in the given status; returns the case number. */
    private static String takeIn(String first17, String diagnosis) {
        return central.villageCase("孙八", first17,
                List.of(new IntakeRequest.MaterialInput("SYM-023-M01", "received"),
                        new IntakeRequest.MaterialInput("SYM-023-M02", "received"),
                        new IntakeRequest.MaterialInput("SYM-023-M04", "received"),
                        new IntakeRequest.MaterialInput("SYM-023-M05", diagnosis),
                        new IntakeRequest.MaterialInput("SYM-023-M06", "received")));
    }

    private static JsonNode overview(ApiClient client, String caseNo) {
        ApiClient.Response response = client.get("/api/cases/" + caseNo + "/commitment-checks");
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private static ApiClient.Response check(ApiClient client, String caseNo, boolean truthful, String note) {
        return client.post("/api/cases/" + caseNo + "/commitment-checks",
                note == null ? Map.of("materialId", "SYM-023-M05", "truthful", truthful)
                        : Map.of("materialId", "SYM-023-M05", "truthful", truthful, "note", note));
    }

    @Test
    void falseCommitmentBlocksFurtherCommitment() {
        String caseNo = takeIn("32132319700101101", "committed");

        ApiClient.Response response = check(reviewer, caseNo, false, "县人民医院无此诊断记录");

        assertEquals(201, response.status(), response.body());
        assertFalse(response.json().path("truthful").asBoolean());
        assertEquals("诊断证明", response.json().path("materialName").asText());
        assertFalse(response.json().path("blockId").isNull(), response.body());
        DomainException blocked = assertThrows(DomainException.class,
                () -> takeIn("32132319700101101", "committed"));
        assertEquals("commitment_blocked", blocked.code());
    }

    @Test
    void trueCommitmentLeavesApplicantFree() {
        String caseNo = takeIn("32132319700101102", "committed");

        ApiClient.Response response = check(reviewer, caseNo, true, null);

        assertEquals(201, response.status(), response.body());
        assertTrue(response.json().path("blockId").isNull(), response.body());
        takeIn("32132319700101102", "committed");
    }

    @Test
    void falseCommitmentNeedsNote() {
        String caseNo = takeIn("32132319700101103", "committed");

        ApiClient.Response response = check(reviewer, caseNo, false, null);

        assertEquals(422, response.status(), response.body());
        assertEquals("missing_note", response.json().path("code").asText());
    }

    @Test
    void clerkCannotRecordCheck() {
        String caseNo = takeIn("32132319700101104", "committed");

        ApiClient.Response response = check(central.loggedIn("clerk"), caseNo, false, "不实");

        assertEquals(403, response.status(), response.body());
    }

    @Test
    void adminClearanceLiftsBlock() {
        String caseNo = takeIn("32132319700101105", "committed");
        assertEquals(201, check(reviewer, caseNo, false, "收入证明与税务记录不符").status());

        ApiClient.Response byReviewer = reviewer.post("/api/cases/" + caseNo + "/commitment-block-clearance", Map.of());
        ApiClient.Response byAdmin = admin.post("/api/cases/" + caseNo + "/commitment-block-clearance", Map.of());

        assertEquals(403, byReviewer.status(), byReviewer.body());
        assertEquals(200, byAdmin.status(), byAdmin.body());
        assertEquals(1, byAdmin.json().path("cleared").asInt());
        takeIn("32132319700101105", "committed");
    }

    @Test
    void overviewListsUncheckedCommitment() {
        String caseNo = takeIn("32132319700101106", "committed");

        JsonNode overview = overview(reviewer, caseNo);

        assertEquals(caseNo, overview.path("caseNo").asText());
        assertEquals(1, overview.path("materials").size(), overview.toString());
        JsonNode material = overview.path("materials").get(0);
        assertEquals("SYM-023-M05", material.path("materialId").asText());
        assertEquals("诊断证明", material.path("name").asText());
        assertTrue(material.path("check").isNull(), overview.toString());
        assertFalse(overview.path("blocked").asBoolean(), overview.toString());
        assertEquals(0, overview.path("openBlocks").size(), overview.toString());
        assertFalse(overview.path("canClear").asBoolean(), overview.toString());
        assertTrue(overview(admin, caseNo).path("canClear").asBoolean());
    }

    @Test
    void overviewShowsFalseCheckAndBlock() {
        String caseNo = takeIn("32132319700101107", "committed");
        ApiClient.Response recorded = check(reviewer, caseNo, false, "县人民医院无此诊断记录");
        assertEquals(201, recorded.status(), recorded.body());

        JsonNode overview = overview(reviewer, caseNo);

        JsonNode check = overview.path("materials").get(0).path("check");
        assertFalse(check.path("truthful").asBoolean(), overview.toString());
        assertEquals("县人民医院无此诊断记录", check.path("note").asText());
        assertEquals("reviewer", check.path("actor").asText());
        assertFalse(check.path("actorName").asText().isBlank(), overview.toString());
        assertNotNull(check.path("checkedAt").textValue(), overview.toString());
        assertEquals(recorded.json().path("blockId").asText(), check.path("blockId").asText());
        assertTrue(overview.path("blocked").asBoolean(), overview.toString());
        assertEquals(1, overview.path("openBlocks").size(), overview.toString());
        JsonNode block = overview.path("openBlocks").get(0);
        assertEquals(check.path("blockId").asText(), block.path("id").asText());
        assertEquals(caseNo, block.path("caseNo").asText());
        assertEquals("诊断证明", block.path("materialName").asText());
        assertEquals("reviewer", block.path("recordedBy").asText());
    }

    @Test
    void overviewShowsBlockFromOtherCase() {
        String blockingCase = takeIn("32132319700101108", "committed");
        assertEquals(201, check(reviewer, blockingCase, false, "收入证明与税务记录不符").status());
        String laterCase = takeIn("32132319700101108", "received");

        JsonNode overview = overview(reviewer, laterCase);

        assertEquals(0, overview.path("materials").size(), overview.toString());
        assertTrue(overview.path("blocked").asBoolean(), overview.toString());
        assertEquals(blockingCase, overview.path("openBlocks").get(0).path("caseNo").asText());
        assertEquals("诊断证明", overview.path("openBlocks").get(0).path("materialName").asText());
    }

    @Test
    void overviewAfterClearanceKeepsCheck() {
        String caseNo = takeIn("32132319700101109", "committed");
        assertEquals(201, check(reviewer, caseNo, false, "收入证明与税务记录不符").status());
        assertEquals(200, admin.post("/api/cases/" + caseNo + "/commitment-block-clearance", Map.of()).status());

        JsonNode overview = overview(reviewer, caseNo);

        assertFalse(overview.path("blocked").asBoolean(), overview.toString());
        assertEquals(0, overview.path("openBlocks").size(), overview.toString());
        assertFalse(overview.path("materials").get(0).path("check").path("truthful").asBoolean());
    }

    @Test
    void clerkCannotReadOverview() {
        String caseNo = takeIn("32132319700101110", "committed");

        ApiClient.Response response = central.loggedIn("clerk").get("/api/cases/" + caseNo + "/commitment-checks");

        assertEquals(403, response.status(), response.body());
    }

    @Test
    void blockTableRoutedToEveryNodeGroup() {
        List<String> routers = central.app.database().query(connection -> {
            List<String> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT tr.router_id, r.target_node_group_id "
                    + "FROM sym_trigger_router tr JOIN sym_router r ON r.router_id = tr.router_id "
                    + "JOIN sym_trigger t ON t.trigger_id = tr.trigger_id "
                    + "WHERE t.source_table_name = 'sy_commitment_block' ORDER BY r.target_node_group_id");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(row.getString(1) + "->" + row.getString(2));
                }
            }
            return found;
        });

        assertEquals(List.of("central_to_township->township", "central_to_village->village"), routers);
    }
}
