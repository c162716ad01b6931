package cn.siyiban.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The county console against real processes. Each node's status row reaches central, and a
 * staff account and a catalogue change made at central reach the right node only. A stopped
 * node turns 离线 once the offline threshold passes and turns back after a restart. Disabling a
 * node stops its sync until it is enabled again. A clerk's password changed at central reaches
 * the clerk's node, and a clerk moved to another point reaches the new node and is disabled at
 * the old one. The heartbeat and the offline threshold are set low so that the test takes about
 * three minutes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class CountyConsoleIT {

    /** Heartbeat period of central and the nodes in this test, in milliseconds. */
    private static final long HEARTBEAT_MS = 3_000;
    /** Central's offline threshold in this test; central requires more than the heartbeat plus 5 s. */
    private static final long OFFLINE_AFTER_SECONDS = 15;

    private SyncCluster cluster;
    private ServerProcess village;
    private ServerProcess township;
    private Api admin;

    @BeforeAll
    void startNetwork() {
        cluster = new SyncCluster("console");
        Path centralConfig = cluster.writeConfig("central.properties", "sync.heartbeat.period.ms=" + HEARTBEAT_MS + "\n"
                + "monitor.offline.after.seconds=" + OFFLINE_AFTER_SECONDS + "\n");
        Path nodeConfig = cluster.writeConfig("node.properties", "sync.heartbeat.period.ms=" + HEARTBEAT_MS + "\n");
        cluster.startCentral(List.of("--config", centralConfig.toString()));
        village = cluster.startNode("village", SyncCluster.VILLAGE,
                cluster.issueToken(SyncCluster.VILLAGE, "register"), List.of("--config", nodeConfig.toString()));
        township = cluster.startNode("township", SyncCluster.TOWNSHIP,
                cluster.issueToken(SyncCluster.TOWNSHIP, "register"), List.of("--config", nodeConfig.toString()));
        assertTrue(SyncCluster.awaitRegistered(village, "clerk").path("registered").asBoolean(), "village registered");
        assertTrue(SyncCluster.awaitRegistered(township, "clerk2").path("registered").asBoolean(),
                "township registered");
        // The staff tests below wait for a staff batch to be acknowledged. A batch routed while
        // a node's initial load is being queued is marked sent and arrives with the load instead.
        for (ServerProcess node : List.of(village, township)) {
            assertTrue(SyncCluster.awaitInitialLoad(node).path("initialLoadReceived").asBoolean(),
                    "initial load received at " + node.baseUrl());
        }
        admin = Api.login(cluster.centralUrl(), "admin", SyncCluster.PASSWORD);
    }

    @AfterAll
    void stopNetwork() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private JsonNode node(String point) {
        return admin.get("/api/sync/nodes/" + point).json().path("node");
    }

    @Test
    @Order(1)
    void nodeStatusReachesCentral() {
        JsonNode report = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> node(SyncCluster.VILLAGE).path("report"),
                found -> found.path("catalogueVersion").asInt() >= 1);

        assertTrue(report.path("catalogueVersion").asInt() >= 1, report.toString());
        assertTrue(report.path("freeDiskBytes").asLong() > 0, report.toString());
        assertTrue(report.path("totalDiskBytes").asLong() >= report.path("freeDiskBytes").asLong(), report.toString());
        assertTrue(report.path("databaseBytes").asLong() > 0, report.toString());
        assertFalse(report.path("siyibanVersion").asText().isEmpty(), report.toString());
    }

    @Test
    @Order(2)
    void staffAndCatalogueReachOnlyTheRightNode() {
        ObjectNode account = Api.JSON.createObjectNode().put("username", "it.clerk").put("displayName", "集成测试代办员")
                .put("role", "village_clerk").put("pointCode", SyncCluster.VILLAGE).put("password", "it-temporary-1");
        account.putNull("department");
        long villageBefore = latestOutgoingBatch(SyncCluster.VILLAGE);
        Api.Response created = admin.post("/api/staff", account);
        assertEquals(201, created.status(), created.body());

        ObjectNode matter = Api.JSON.createObjectNode().put("code", "IT-CONSOLE-1").put("name", "控制台同步测试事项")
                .put("category", "测试").put("department", "县民政局").put("timeClass", "promised")
                .put("legalDays", 10).put("promisedDays", 5).put("proxyAllowed", true).put("source", "it");
        ArrayNode materials = matter.putArray("materials");
        materials.addObject().put("name", "身份证").put("required", true).put("key", true)
                .put("commitmentAllowed", false);
        materials.addObject().put("name", "收入证明").put("required", true).put("key", false)
                .put("commitmentAllowed", true);
        Api.Response published = admin.post("/api/catalogue/matters", matter);
        assertEquals(201, published.status(), published.body());
        int version = published.json().path("version").asInt();

        Api villageClerk = Api.login(village.baseUrl(), "clerk", SyncCluster.PASSWORD);
        Api townshipClerk = Api.login(township.baseUrl(), "clerk2", SyncCluster.PASSWORD);
        for (Api clerk : List.of(villageClerk, townshipClerk)) {
            JsonNode found = Waits.until(SyncCluster.SYNC_TIMEOUT,
                    () -> clerk.get("/api/matters?q=IT-CONSOLE-1").json(), rows -> rows.size() == 1);
            assertEquals(1, found.size(), found.toString());
        }

        // Polling the login would lock the account after five failures while the batch is on its
        // way, so the test waits for the staff batch and logs in once.
        awaitStaffBatchLoaded(SyncCluster.VILLAGE, villageBefore);
        assertEquals(200, login(village, "it.clerk", "it-temporary-1"), "new account logs in at its own village node");
        // The matter published after the account reached the township, so the staff batch,
        // which central routed first, would have arrived there too if it were routed there.
        assertEquals(401, login(township, "it.clerk", "it-temporary-1"), "account must not reach the township");

        JsonNode report = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> node(SyncCluster.VILLAGE).path("report"),
                found -> found.path("catalogueVersion").asInt() == version);
        assertEquals(version, report.path("catalogueVersion").asInt(), "village reports the new catalogue version");
    }

    private static int login(ServerProcess node, String username, String password) {
        Api api = new Api(node.baseUrl());
        return api.post("/api/login", Api.JSON.createObjectNode().put("username", username).put("password", password))
                .status();
    }

    @Test
    @Order(3)
    void movedClerkLeavesOldNode() {
        Api clerkAtCentral = Api.login(cluster.centralUrl(), "it.clerk", "it-temporary-1");
        ObjectNode change = Api.JSON.createObjectNode().put("oldPassword", "it-temporary-1")
                .put("newPassword", "it-chosen-42").put("newPasswordAgain", "it-chosen-42");
        long villageBefore = latestOutgoingBatch(SyncCluster.VILLAGE);
        Api.Response changed = clerkAtCentral.post("/api/password", change);
        assertEquals(200, changed.status(), changed.body());
        awaitStaffBatchLoaded(SyncCluster.VILLAGE, villageBefore);
        assertEquals(200, login(village, "it.clerk", "it-chosen-42"), "password changed at central reaches the node");
        assertEquals(401, login(village, "it.clerk", "it-temporary-1"), "old password no longer works at the node");

        ObjectNode assignment = Api.JSON.createObjectNode().put("role", "township_clerk")
                .put("pointCode", SyncCluster.TOWNSHIP).put("confirm", "it.clerk");
        assignment.putNull("department");
        villageBefore = latestOutgoingBatch(SyncCluster.VILLAGE);
        long townshipBefore = latestOutgoingBatch(SyncCluster.TOWNSHIP);
        Api.Response moved = admin.post("/api/staff/it.clerk/assignment", assignment);
        assertEquals(200, moved.status(), moved.body());
        awaitStaffBatchLoaded(SyncCluster.TOWNSHIP, townshipBefore);
        awaitStaffBatchLoaded(SyncCluster.VILLAGE, villageBefore);

        assertEquals(200, login(township, "it.clerk", "it-chosen-42"), "moved account logs in at its new node");
        assertEquals(401, login(village, "it.clerk", "it-chosen-42"), "moved account is disabled at the old node");
    }

    /** Returns the highest id of the batches central sent or holds for the point's node, 0 for none. */
    private long latestOutgoingBatch(String point) {
        long latest = 0;
        for (JsonNode batch : admin.get("/api/sync/nodes/" + point).json().path("batches")) {
            if ("outgoing".equals(batch.path("direction").asText())) {
                latest = Math.max(latest, batch.path("batchId").asLong());
            }
        }
        return latest;
    }

    /** Waits until the point's node has loaded a batch of the staff channel newer than {@code after}. */
    private void awaitStaffBatchLoaded(String point, long after) {
        JsonNode loaded = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> {
            // Filtered to the staff channel: a node's initial load alone adds one reload batch per
            // table, which pushed the staff batch out of the latest 30 of all channels.
            for (JsonNode batch : admin.get("/api/sync/nodes/" + point + "?channel=staff").json().path("batches")) {
                if ("outgoing".equals(batch.path("direction").asText()) && "staff".equals(batch.path("channel").asText())
                        && batch.path("batchId").asLong() > after && "OK".equals(batch.path("status").asText())) {
                    return batch;
                }
            }
            return null;
        }, batch -> batch != null);
        assertTrue(loaded != null, "staff batch loaded at " + point);
    }

    @Test
    @Order(4)
    void stoppedNodeTurnsOfflineAndBack() {
        JsonNode before = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> node(SyncCluster.TOWNSHIP),
                found -> "ok".equals(found.path("status").asText()));
        assertEquals("ok", before.path("status").asText(), before.toString());

        township.stop();
        Duration offlineWait = Duration.ofSeconds(OFFLINE_AFTER_SECONDS * 4 + 30);
        JsonNode offline = Waits.until(offlineWait, () -> node(SyncCluster.TOWNSHIP),
                found -> "offline".equals(found.path("status").asText()));
        assertEquals("offline", offline.path("status").asText(), offline.toString());
        assertTrue(admin.get("/api/sync/alerts").body().contains(SyncCluster.TOWNSHIP), "offline alert listed");

        cluster.restart(township);
        JsonNode back = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> node(SyncCluster.TOWNSHIP),
                found -> "ok".equals(found.path("status").asText()));
        assertEquals("ok", back.path("status").asText(), back.toString());
    }

    @Test
    @Order(5)
    void disabledNodeStopsSyncUntilEnabled() {
        Api villageClerk = Api.login(village.baseUrl(), "clerk", SyncCluster.PASSWORD);
        ObjectNode confirm = Api.JSON.createObjectNode().put("confirm", SyncCluster.VILLAGE);

        Api.Response disabled = admin.post("/api/sync/nodes/" + SyncCluster.VILLAGE + "/disable", confirm);
        assertEquals(200, disabled.status(), disabled.body());
        JsonNode stopped = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> villageClerk.get("/api/sync").json(),
                state -> !state.path("problem").isNull() && !state.path("problem").asText().isEmpty());
        assertFalse(stopped.path("problem").isNull(), stopped.toString());

        Api.Response retired = admin.post("/api/catalogue/matters/IT-CONSOLE-1/retire",
                Api.JSON.createObjectNode());
        assertEquals(200, retired.status(), retired.body());
        Api townshipClerk = Api.login(township.baseUrl(), "clerk2", SyncCluster.PASSWORD);
        JsonNode goneAtTownship = Waits.until(SyncCluster.SYNC_TIMEOUT,
                () -> townshipClerk.get("/api/matters?q=IT-CONSOLE-1").json(), rows -> rows.isEmpty());
        assertEquals(0, goneAtTownship.size(), "township, still enabled, receives the retirement");
        assertEquals(1, villageClerk.get("/api/matters?q=IT-CONSOLE-1").json().size(),
                "disabled village must not receive the retirement");

        Api.Response enabled = admin.post("/api/sync/nodes/" + SyncCluster.VILLAGE + "/enable", confirm);
        assertEquals(200, enabled.status(), enabled.body());
        JsonNode goneAtVillage = Waits.until(SyncCluster.SYNC_TIMEOUT,
                () -> villageClerk.get("/api/matters?q=IT-CONSOLE-1").json(), rows -> rows.isEmpty());
        assertEquals(0, goneAtVillage.size(), "enabled village receives the retirement");
        JsonNode resumed = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> villageClerk.get("/api/sync").json(),
                state -> state.path("problem").isNull());
        assertTrue(resumed.path("problem").isNull(), resumed.toString());
    }
}
