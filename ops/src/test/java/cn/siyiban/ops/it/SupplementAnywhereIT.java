package cn.siyiban.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.applicant.ResidentIdNumber;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * 全县通办 for 容缺受理 with central and two villages of different townships as separate JVMs: a
 * material missing at intake in one village is supplied in the other, which stores none of the
 * case's data, and the missing item closes at the origin village after sync.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SupplementAnywhereIT {

    /** 王集居委会, a village of 王集镇, another township than the origin village's. */
    private static final String OTHER_VILLAGE = "321323102001";

    private SyncCluster cluster;
    private ServerProcess origin;
    private ServerProcess other;

    @BeforeAll
    void startNetwork() {
        cluster = new SyncCluster("supplement");
        cluster.startCentral();
        origin = cluster.startNode("origin", SyncCluster.VILLAGE, cluster.issueToken(SyncCluster.VILLAGE, "register"));
        other = cluster.startNode("other", OTHER_VILLAGE, cluster.issueToken(OTHER_VILLAGE, "register"));
        assertTrue(SyncCluster.awaitRegistered(origin, "clerk").path("registered").asBoolean(), "origin registered");
        assertTrue(SyncCluster.awaitRegistered(other, "clerk").path("registered").asBoolean(), "other registered");
    }

    @AfterAll
    void stopNetwork() {
        cluster.close();
    }

    private static ObjectNode intakeWithIncomeProofMissing() {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("matterCode", "SYM-023");
        String first17 = "32132319800101123";
        body.putObject("applicant").put("name", "张三").put("idType", "resident_id")
                .put("idNumber", first17 + ResidentIdNumber.checkCharacter(first17))
                .put("phone", "13905271234").put("address", "泗阳县爱园镇");
        ArrayNode materials = body.putArray("materials");
        for (String received : new String[] {"SYM-023-M01", "SYM-023-M02", "SYM-023-M05", "SYM-023-M06"}) {
            materials.addObject().put("materialId", received).put("status", "received");
        }
        materials.addObject().put("materialId", "SYM-023-M04").put("status", "missing");
        body.put("requestKey", "it-supplement-" + Instant.now().toEpochMilli());
        return body;
    }

    @Test
    void supplyAtOtherVillageClosesItemAtOrigin() {
        Api originClerk = Api.login(origin.baseUrl(), "clerk", SyncCluster.PASSWORD);
        Api.Response created = originClerk.post("/api/cases", intakeWithIncomeProofMissing());
        assertEquals(201, created.status(), created.body());
        String caseNo = created.json().path("caseNo").asText();
        assertEquals(1, originClerk.get("/api/cases/" + caseNo).json().path("stillMissing").size());

        Api otherClerk = Api.login(other.baseUrl(), "clerk", SyncCluster.PASSWORD);
        assertEquals(404, otherClerk.get("/api/cases/" + caseNo).status(), "the other village holds no case data");
        ObjectNode supply = Api.JSON.createObjectNode().put("caseNo", caseNo);
        supply.putArray("materialIds").add("SYM-023-M04");
        Api.Response supplied = otherClerk.post("/api/supplements", supply);
        assertEquals(201, supplied.status(), supplied.body());
        assertTrue(supplied.json().path("forwarded").asBoolean(), supplied.body());

        Instant sent = Instant.now();
        JsonNode closed = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> originClerk.get("/api/cases/" + caseNo).json(),
                detail -> detail.path("stillMissing").isEmpty());
        System.out.printf("Supply from the other village closed the item at the origin in %d ms%n",
                Duration.between(sent, Instant.now()).toMillis());
        assertEquals(0, closed.path("stillMissing").size(), closed.toString());
        assertEquals("supplemented", closed.path("status").asText());
        JsonNode event = closed.path("events").get(closed.path("events").size() - 1);
        assertEquals("supplemented", event.path("type").asText());
        assertEquals(OTHER_VILLAGE, event.path("point").asText());

        Api admin = Api.login(cluster.centralUrl(), "admin", SyncCluster.PASSWORD);
        JsonNode atCentral = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> admin.get("/api/cases/" + caseNo).json(),
                detail -> detail.path("stillMissing").isEmpty() && detail.has("events"));
        assertEquals(0, atCentral.path("stillMissing").size(), atCentral.toString());
        assertEquals(0, atCentral.path("hashChainProblems").size(), atCentral.toString());

        // Stop everything to read the Derby files: the supplement row went to the origin only.
        other.stop();
        cluster.central.stop();
        origin.stop();
        Path otherDb = cluster.root.resolve("other").resolve("db");
        Path centralDb = cluster.root.resolve("central").resolve("db");
        assertEquals(0, DerbyFiles.count(otherDb, "SELECT COUNT(*) FROM sy_case"));
        assertEquals(0, DerbyFiles.count(otherDb, "SELECT COUNT(*) FROM sy_case_event"));
        assertEquals(1, DerbyFiles.count(otherDb, "SELECT COUNT(*) FROM sy_case_supplement"));
        assertEquals(1, countSupplementBatchesTo(centralDb, SyncCluster.VILLAGE), "routed to the origin village");
        assertEquals(0, countSupplementBatchesTo(centralDb, OTHER_VILLAGE), "never sent back to the taking village");
    }

    /** Counts the supplement rows central routed to the node with external id {@code point}. */
    private static long countSupplementBatchesTo(Path centralDb, String point) {
        return DerbyFiles.count(centralDb, "SELECT COUNT(*) FROM sym_data d"
                + " JOIN sym_data_event e ON e.data_id = d.data_id"
                + " JOIN sym_outgoing_batch b ON b.batch_id = e.batch_id"
                + " JOIN sym_node n ON n.node_id = b.node_id"
                + " WHERE UPPER(d.table_name) = 'SY_CASE_SUPPLEMENT' AND n.external_id = '" + point + "'"
                + " AND b.channel_id = 'cases' AND d.event_type = 'I'");
    }
}
