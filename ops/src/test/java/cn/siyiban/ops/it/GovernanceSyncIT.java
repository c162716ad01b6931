package cn.siyiban.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.siyiban.core.applicant.ResidentIdNumber;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Service map and catalogue governance across separate JVMs: what a county admin sets at central
 * (a point's facts and restriction, a removed proof, a suspension) reaches a registered village node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class GovernanceSyncIT {

    private static final String FIRST_17 = "32132319700707123";

    private SyncCluster cluster;
    private ServerProcess village;

    @BeforeAll
    void startNetwork() {
        cluster = new SyncCluster("governance");
        cluster.startCentral();
        village = cluster.startRegisteredVillage();
    }

    @AfterAll
    void stopNetwork() {
        cluster.close();
    }

    private static ObjectNode unemploymentIntake() {
        ObjectNode body = Api.JSON.createObjectNode().put("matterCode", "SYM-013");
        body.putObject("applicant").put("name", "郑十").put("idType", "resident_id")
                .put("idNumber", FIRST_17 + ResidentIdNumber.checkCharacter(FIRST_17)).put("phone", "13905271234");
        body.putArray("materials").add(Api.JSON.createObjectNode().put("materialId", "SYM-013-M01").put("status", "received"))
                .add(Api.JSON.createObjectNode().put("materialId", "SYM-013-M02").put("status", "received"));
        body.put("proxy", false);
        return body;
    }

    private static JsonNode township(Api clerk) {
        return StreamSupport.stream(clerk.get("/api/map/points").json().spliterator(), false)
                .filter(point -> point.path("code").asText().equals(SyncCluster.TOWNSHIP)).findFirst().orElseThrow();
    }

    @Test
    void adminDecisionsReachVillage() {
        Api admin = Api.login(cluster.centralUrl(), "admin", SyncCluster.PASSWORD);
        ObjectNode details = Api.JSON.createObjectNode().put("address", "泗阳县爱园镇测试路1号")
                .put("officeHours", "周一至周五").put("phone", "0527-00000001")
                .put("latitude", 33.72).put("longitude", 118.6);
        assertEquals(200, admin.put("/api/map/points/" + SyncCluster.TOWNSHIP + "/details", details).status());
        ObjectNode scope = Api.JSON.createObjectNode();
        scope.putArray("matterCodes").add("SYM-013");
        assertEquals(200, admin.put("/api/map/points/" + SyncCluster.TOWNSHIP + "/matters", scope).status());
        ObjectNode proof = Api.JSON.createObjectNode().put("name", "无犯罪记录证明").put("matterCode", "SYM-023");
        assertEquals(201, admin.post("/api/governance/cancelled-proofs", proof).status());
        ObjectNode reason = Api.JSON.createObjectNode().put("reason", "三年无办件");
        assertEquals(200, admin.post("/api/governance/matters/SYM-013/suspend", reason).status());

        Api clerk = Api.login(village.baseUrl(), "clerk", SyncCluster.PASSWORD);
        // The map's matter search leaves out suspended matters, so it shows when the suspension has arrived.
        Waits.until(SyncCluster.SYNC_TIMEOUT, () -> clerk.get("/api/map/matters?q=SYM-013").json(),
                hits -> hits.size() == 0);
        Api.Response rejected = clerk.post("/api/cases", unemploymentIntake());
        assertEquals(409, rejected.status(), rejected.body());
        assertEquals("matter_suspended", rejected.json().path("code").asText(), rejected.body());
        JsonNode point = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> township(clerk),
                found -> found.path("restricted").asBoolean());
        assertEquals("泗阳县爱园镇测试路1号", point.path("address").asText());
        assertEquals(33.72, point.path("latitude").asDouble(), 0.000001);
        JsonNode matter = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> clerk.get("/api/matters/SYM-023").json(),
                found -> found.path("cancelledProofs").size() == 1);
        assertEquals("无犯罪记录证明", matter.path("cancelledProofs").get(0).path("name").asText());
    }
}
