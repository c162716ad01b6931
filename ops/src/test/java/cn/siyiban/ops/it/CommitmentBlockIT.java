package cn.siyiban.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.applicant.ResidentIdNumber;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * 告知承诺 verification with central and two villages of different townships as separate JVMs: a
 * commitment taken in one village and found false at central blocks further commitments for the
 * applicant in the other village once the block row has synced.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CommitmentBlockIT {

    /** 王集居委会, a village of 王集镇, another township than the origin village's. */
    private static final String OTHER_VILLAGE = "321323102001";
    private static final String FIRST_17 = "32132319660606123";

    private SyncCluster cluster;
    private ServerProcess origin;
    private ServerProcess other;

    @BeforeAll
    void startNetwork() {
        cluster = new SyncCluster("commitment");
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

    /** 最低生活保障申请 with 诊断证明 (SYM-023-M05) replaced by a commitment. */
    private static ObjectNode intakeWithCommitment(String requestKey) {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("matterCode", "SYM-023");
        body.putObject("applicant").put("name", "周九").put("idType", "resident_id")
                .put("idNumber", FIRST_17 + ResidentIdNumber.checkCharacter(FIRST_17))
                .put("phone", "13905271234").put("address", "泗阳县爱园镇");
        ArrayNode materials = body.putArray("materials");
        for (String received : new String[] {"SYM-023-M01", "SYM-023-M02", "SYM-023-M04", "SYM-023-M06"}) {
            materials.addObject().put("materialId", received).put("status", "received");
        }
        materials.addObject().put("materialId", "SYM-023-M05").put("status", "committed");
        body.put("requestKey", requestKey);
        return body;
    }

    @Test
    void falseCommitmentBlocksOtherVillage() {
        Api originClerk = Api.login(origin.baseUrl(), "clerk", SyncCluster.PASSWORD);
        Api.Response created = originClerk.post("/api/cases", intakeWithCommitment("it-commitment-origin"));
        assertEquals(201, created.status(), created.body());
        String caseNo = created.json().path("caseNo").asText();

        Api admin = Api.login(cluster.centralUrl(), "admin", SyncCluster.PASSWORD);
        Waits.until(SyncCluster.SYNC_TIMEOUT, () -> admin.get("/api/cases/" + caseNo).status(), status -> status == 200);
        ObjectNode check = Api.JSON.createObjectNode().put("materialId", "SYM-023-M05").put("truthful", false)
                .put("note", "县人民医院无此诊断记录");
        Api.Response checked = admin.post("/api/cases/" + caseNo + "/commitment-checks", check);
        assertEquals(201, checked.status(), checked.body());

        // One fixed request key: before the block arrives the first attempt creates a case and the
        // later ones replay it, so polling adds at most one case.
        Api otherClerk = Api.login(other.baseUrl(), "clerk", SyncCluster.PASSWORD);
        Instant sent = Instant.now();
        Api.Response blocked = Waits.until(SyncCluster.SYNC_TIMEOUT,
                () -> otherClerk.post("/api/cases", intakeWithCommitment("it-commitment-other")),
                response -> response.status() == 409);
        System.out.printf("The block reached the other village in %d ms%n",
                Duration.between(sent, Instant.now()).toMillis());
        assertEquals("commitment_blocked", blocked.json().path("code").asText(), blocked.body());

        Api.Response atOrigin = Waits.until(SyncCluster.SYNC_TIMEOUT,
                () -> originClerk.post("/api/cases", intakeWithCommitment("it-commitment-origin-2")),
                response -> response.status() == 409);
        assertEquals("commitment_blocked", atOrigin.json().path("code").asText(), atOrigin.body());
    }
}
