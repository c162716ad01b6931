package cn.siyiban.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.applicant.ResidentIdNumber;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * 好差评 across separate JVMs: a 1-star rating given at a village node reaches central and opens
 * exactly one rectification item there, and the annulment central records comes back to the
 * village, whose clerk figures then leave the rating out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RatingSyncIT {

    private static final String FIRST_17 = "32132319700707456";

    private SyncCluster cluster;
    private ServerProcess village;

    @BeforeAll
    void startNetwork() {
        cluster = new SyncCluster("ratings");
        cluster.startCentral();
        village = cluster.startRegisteredVillage();
    }

    @AfterAll
    void stopNetwork() {
        cluster.close();
    }

    private static ObjectNode intake() {
        ObjectNode body = Api.JSON.createObjectNode().put("matterCode", "SYM-023");
        body.putObject("applicant").put("name", "冯一").put("idType", "resident_id")
                .put("idNumber", FIRST_17 + ResidentIdNumber.checkCharacter(FIRST_17))
                .put("phone", "13905271234").put("address", "泗阳县爱园镇");
        body.putArray("materials")
                .add(Api.JSON.createObjectNode().put("materialId", "SYM-023-M01").put("status", "received"))
                .add(Api.JSON.createObjectNode().put("materialId", "SYM-023-M02").put("status", "received"))
                .add(Api.JSON.createObjectNode().put("materialId", "SYM-023-M06").put("status", "received"));
        body.put("proxy", false).put("requestKey", "it-rating-case");
        return body;
    }

    private static int itemsOf(Api admin, String ratingId) {
        int found = 0;
        for (JsonNode item : admin.get("/api/rectifications?size=200").json().path("items")) {
            if (item.path("ratingId").asText().equals(ratingId)) {
                found++;
            }
        }
        return found;
    }

    @Test
    void oneStarRatingOpensOneItemAtCentral() {
        Api clerk = Api.login(village.baseUrl(), "clerk", SyncCluster.PASSWORD);
        Api.Response created = clerk.post("/api/cases", intake());
        assertEquals(201, created.status(), created.body());
        String caseNo = created.json().path("caseNo").asText();
        String ratingId = UUID.randomUUID().toString();
        ObjectNode rating = Api.JSON.createObjectNode().put("id", ratingId).put("caseNo", caseNo).put("overall", 1)
                .put("comment", "等候时间过长");

        Api.Response rated = clerk.post("/api/ratings", rating);
        Api.Response repeated = clerk.post("/api/ratings", rating);
        assertEquals(201, rated.status(), rated.body());
        assertEquals(200, repeated.status(), repeated.body());

        Api admin = Api.login(cluster.centralUrl(), "admin", SyncCluster.PASSWORD);
        Api.Response item = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> admin.get("/api/rectifications/" + ratingId),
                response -> response.status() == 200);
        assertEquals(200, item.status(), item.body());
        assertEquals("to_verify", item.json().path("status").asText());
        assertEquals(caseNo, item.json().path("caseNo").asText());
        assertEquals("clerk", item.json().path("clerk").asText());
        assertTrue(item.json().path("realName").asBoolean());

        // A later rating travels in a later batch. Once it has arrived, every batch with the first
        // rating has been loaded, so a duplicate item would show by now.
        String laterId = UUID.randomUUID().toString();
        clerk.post("/api/ratings", Api.JSON.createObjectNode().put("id", laterId).put("overall", 2));
        Waits.until(SyncCluster.SYNC_TIMEOUT, () -> admin.get("/api/rectifications/" + laterId),
                response -> response.status() == 200);
        assertEquals(1, itemsOf(admin, ratingId));
        assertEquals(1, itemsOf(admin, laterId));

        Api.Response annulled = admin.post("/api/ratings/" + ratingId + "/annulment",
                Api.JSON.createObjectNode().put("reason", "群众按错，当场更正为满意"));
        assertEquals(201, annulled.status(), annulled.body());
        Api.Response atVillage = Waits.until(SyncCluster.SYNC_TIMEOUT,
                () -> clerk.get("/api/cases/" + caseNo + "/rating"),
                response -> response.json().path("rating").path("annulled").asBoolean());
        assertTrue(atVillage.json().path("rating").path("annulled").asBoolean(), atVillage.body());
        assertEquals(1, atVillage.json().path("rating").path("overall").asInt());
    }
}
