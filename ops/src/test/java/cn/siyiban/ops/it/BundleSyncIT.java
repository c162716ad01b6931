package cn.siyiban.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.siyiban.core.applicant.ResidentIdNumber;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Bundles (一件事) across separate JVMs: a bundle a county admin defines at central reaches a
 * registered village node, and the bundle the village takes in reaches central with all its
 * cases linked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BundleSyncIT {

    private static final String FIRST_17 = "32132319700707123";

    private SyncCluster cluster;
    private ServerProcess village;

    @BeforeAll
    void startNetwork() {
        cluster = new SyncCluster("bundles");
        cluster.startCentral();
        village = cluster.startRegisteredVillage();
    }

    @AfterAll
    void stopNetwork() {
        cluster.close();
    }

    /** BND-020 of the two 计划生育 matters; 户口簿 and 户口本 are declared one document. */
    private static ObjectNode familyBundle() {
        ObjectNode body = Api.JSON.createObjectNode().put("code", "BND-020").put("name", "计划生育家庭扶助金申领");
        body.putArray("matterCodes").add("SYM-042").add("SYM-043");
        body.putArray("sharedMaterials").addObject().put("name", "户口簿")
                .putArray("materialIds").add("SYM-042-M02").add("SYM-043-M01");
        return body;
    }

    private static ObjectNode familyIntake() {
        ObjectNode body = Api.JSON.createObjectNode().put("bundleCode", "BND-020");
        body.putObject("applicant").put("name", "郑十").put("idType", "resident_id")
                .put("idNumber", FIRST_17 + ResidentIdNumber.checkCharacter(FIRST_17))
                .put("phone", "13905271234").put("address", "泗阳县爱园镇");
        ArrayNode materials = body.putArray("materials");
        for (String id : new String[] {"SYM-042-M01", "SYM-042-M02", "SYM-042-M03", "SYM-042-M04", "SYM-042-M05",
                "SYM-042-M06", "SYM-043-M03", "SYM-043-M04", "SYM-043-M05"}) {
            materials.addObject().put("materialId", id).put("status", "received");
        }
        body.put("proxy", false).put("requestKey", "it-bundle-family");
        return body;
    }

    @Test
    void bundleTravelsBothWays() {
        Api admin = Api.login(cluster.centralUrl(), "admin", SyncCluster.PASSWORD);
        Api.Response defined = admin.post("/api/catalogue/bundles", familyBundle());
        assertEquals(201, defined.status(), defined.body());

        Api clerk = Api.login(village.baseUrl(), "clerk", SyncCluster.PASSWORD);
        Api.Response form = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> clerk.get("/api/bundles/BND-020"),
                response -> response.status() == 200);
        assertEquals(9, form.json().path("materials").size(), form.body());

        Api.Response created = clerk.post("/api/bundle-submissions", familyIntake());
        assertEquals(201, created.status(), created.body());
        String bundleNo = created.json().path("bundleNo").asText();
        JsonNode caseNos = created.json().path("caseNos");
        assertEquals(2, caseNos.size());

        Api.Response atCentral = Waits.until(SyncCluster.SYNC_TIMEOUT,
                () -> admin.get("/api/bundle-submissions/" + bundleNo),
                response -> response.status() == 200 && response.json().path("casesArrived").asInt() == 2);
        assertEquals("in_progress", atCentral.json().path("status").asText(), atCentral.body());
        assertEquals(caseNos.get(0).asText(), atCentral.json().path("cases").get(0).path("caseNo").asText());
        assertEquals(caseNos.get(1).asText(), atCentral.json().path("cases").get(1).path("caseNo").asText());
        JsonNode link = admin.get("/api/cases/" + caseNos.get(1).asText() + "/bundle").json().path("bundle");
        assertEquals(bundleNo, link.path("bundleNo").asText(), link.toString());
    }
}
