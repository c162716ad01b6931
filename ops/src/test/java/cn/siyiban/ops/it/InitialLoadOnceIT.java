package cn.siyiban.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A newly registered village receives central's initial load exactly once. Central queues two
 * loads for a new node: its own initial load (reference data, the point's staff and cases) and
 * the reverse load of the cases the node took in before it registered. While the node queues its
 * reverse load, it updates its own {@code sym_node_security} row, and SymmetricDS sends that row
 * to central on the config channel. If the node's copy still carries the initial-load flag from
 * its registration, the row sets the flag again at central, and central queues a second initial
 * load.
 *
 * <p>The village here handles load requests every second and pushes only on the test's sync-now
 * calls. So it queues its reverse load as soon as the request arrives, and its row reaches
 * central only after central has queued the initial load. With the shipped periods and
 * SymmetricDS's default order of the two loads, a second load followed by chance, in 1 of 4 trial
 * registrations with the demo jars.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class InitialLoadOnceIT {

    private final SyncCluster cluster = new SyncCluster("initial-load");

    @AfterEach
    void stopNetwork() {
        cluster.close();
    }

    @Test
    void newVillageGetsOneInitialLoad() {
        cluster.startCentral();
        Path nodeConfig = cluster.writeConfig("village.properties", "sync.push.period.ms=3600000\n"
                + "symmetric.job.initial.load.queue.period.time.ms=1000\n");
        ServerProcess village = cluster.startNode("village", SyncCluster.VILLAGE,
                cluster.issueToken(SyncCluster.VILLAGE, "register"), List.of("--config", nodeConfig.toString()));
        assertTrue(SyncCluster.awaitRegistered(village, "clerk").path("registered").asBoolean(), "village registered");

        Api admin = Api.login(cluster.centralUrl(), "admin", SyncCluster.PASSWORD);
        JsonNode queued = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> batches(admin, "reload"),
                batches -> highestBatchId(batches, "outgoing") > 0);
        assertTrue(highestBatchId(queued, "outgoing") > 0, "central queued the initial load: " + queued);

        // Push until central has loaded a config batch that the village created after its reverse
        // load. The village numbers its batches in one sequence, so that batch carries the row the
        // village wrote when it queued the reverse load, or a later one.
        Api clerk = Api.login(village.baseUrl(), "clerk", SyncCluster.PASSWORD);
        ArrayNode pushed = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> {
            clerk.post("/api/sync/now", "{}");
            ArrayNode both = Api.JSON.createArrayNode();
            both.addAll((ArrayNode) batches(admin, "reload"));
            both.addAll((ArrayNode) batches(admin, "config"));
            return both;
        }, InitialLoadOnceIT::villageRowLoadedAfterReverseLoad);
        assertTrue(villageRowLoadedAfterReverseLoad(pushed), "village's row loaded after its reverse load: " + pushed);

        cluster.central.stop();
        String nodeId = "(SELECT node_id FROM sym_node WHERE external_id = '" + SyncCluster.VILLAGE + "')";
        assertEquals(1, cluster.countAtCentral("SELECT COUNT(DISTINCT load_id) FROM sym_outgoing_batch"
                + " WHERE load_id > 0 AND node_id = " + nodeId), "initial loads sent to the village");
        assertEquals(0, cluster.countAtCentral("SELECT COUNT(*) FROM sym_node_security"
                + " WHERE (initial_load_enabled = 1 OR rev_initial_load_enabled = 1) AND node_id = " + nodeId),
                "loads still flagged for the village");
        assertEquals(0, cluster.countAtCentral("SELECT COUNT(*) FROM sym_table_reload_request"
                + " WHERE processed = 0 AND target_node_id = " + nodeId), "load requests to the village not yet queued");
        assertEquals(1, cluster.countAtCentral("SELECT COUNT(DISTINCT load_id) FROM sym_incoming_batch"
                + " WHERE load_id > 0 AND node_id = " + nodeId), "reverse loads received from the village");
    }

    /** Returns the latest batches of the village at central on {@code channel}, each direction. */
    private static JsonNode batches(Api admin, String channel) {
        return admin.get("/api/sync/nodes/" + SyncCluster.VILLAGE + "?channel=" + channel).json().path("batches");
    }

    private static long highestBatchId(JsonNode batches, String direction) {
        long highest = 0;
        for (JsonNode batch : batches) {
            if (direction.equals(batch.path("direction").asText())) {
                highest = Math.max(highest, batch.path("batchId").asLong());
            }
        }
        return highest;
    }

    /**
     * Returns whether central has loaded the village's reverse load and, after it, a config batch
     * of the village.
     */
    private static boolean villageRowLoadedAfterReverseLoad(JsonNode batches) {
        long reverseLoad = 0;
        long config = 0;
        for (JsonNode batch : batches) {
            if (!"incoming".equals(batch.path("direction").asText()) || !"OK".equals(batch.path("status").asText())) {
                continue;
            }
            long id = batch.path("batchId").asLong();
            switch (batch.path("channel").asText()) {
                case "reload" -> reverseLoad = Math.max(reverseLoad, id);
                case "config" -> config = Math.max(config, id);
                default -> { }
            }
        }
        return reverseLoad > 0 && config > reverseLoad;
    }
}
