package cn.siyiban.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An initial load that waits for its node survives the outgoing purge, in both directions.
 *
 * <p>Without SymmetricDS's extract job, each table of a load is queued as one {@code sym_data}
 * row that already belongs to its batch. The router never reads such a row, so its id stays a
 * data gap until the gap expires. With SymmetricDS's default limit of expired gaps, the outgoing
 * purge then deletes the rows of expired gaps, and a load row deleted before its batch was sent
 * makes the batch arrive empty. Here gaps expire after 1 s and the purge runs every 5 s. Meanwhile the node does
 * not pull (first test) or push (second test) until the test calls for a sync, as when a
 * village's link goes down just after registration.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LoadAcrossPurgeIT {

    /** Expire gaps at once and purge often, so a test meets within seconds what a day's purges would do. */
    private static final String QUICK_PURGE = "symmetric.routing.stale.dataid.gap.time.ms=1000\n"
            + "symmetric.job.purge.outgoing.cron=0/5 * * * * *\n";
    /**
     * How long the waiting load is left to the purge: gaps expire within about 2 s (1 s plus a
     * routing run), and three purge runs fall in the rest. Nothing a test can read shows that a
     * purge looked at a gap, so this wait is fixed.
     */
    private static final Duration PURGE_WINDOW = Duration.ofSeconds(20);
    /** Upper bound of the time from the village's initial load to its queued reverse load. */
    private static final Duration REQUEST_DELAY = Duration.ofSeconds(15);
    private static final String HOUR = "3600000";

    private final SyncCluster cluster = new SyncCluster("load-purge");

    @AfterEach
    void stopNetwork() {
        cluster.close();
    }

    @Test
    void initialLoadSurvivesPurgeAtCentral() {
        cluster.startCentral(List.of("--config", cluster.writeConfig("central.properties", QUICK_PURGE).toString()));
        Api admin = Api.login(cluster.centralUrl(), "admin", SyncCluster.PASSWORD);
        // An account created before the village registers reaches it only through its initial load.
        ObjectNode account = Api.JSON.createObjectNode().put("username", "it.purge").put("displayName", "清理测试代办员")
                .put("role", "village_clerk").put("pointCode", SyncCluster.VILLAGE).put("password", "it-purge-1");
        account.putNull("department");
        Api.Response created = admin.post("/api/staff", account);
        assertEquals(201, created.status(), created.body());

        // SymmetricDS registers in the pull job, and the next pull comes an hour later.
        Path villageConfig = cluster.writeConfig("village.properties", "sync.pull.period.ms=" + HOUR + "\n");
        ServerProcess village = cluster.startNode("village", SyncCluster.VILLAGE,
                cluster.issueToken(SyncCluster.VILLAGE, "register"), List.of("--config", villageConfig.toString()));
        assertTrue(SyncCluster.awaitRegistered(village, "clerk").path("registered").asBoolean(), "village registered");
        JsonNode queued = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> reloadBatches(admin),
                batches -> countOutgoing(batches, "") > 0);
        assertTrue(countOutgoing(queued, "") > 0, "central queued the village's initial load: " + queued);

        sleep(PURGE_WINDOW);
        JsonNode waiting = reloadBatches(admin);
        assertEquals(0, countOutgoing(waiting, "OK"), "the load waited for the village's next pull: " + waiting);

        // The village reports its load received once central has recorded the end of the load,
        // after the last batch, which takes one more pull. One login is then enough, because
        // repeated failed logins would lock the account.
        Api clerk = Api.login(village.baseUrl(), "clerk", SyncCluster.PASSWORD);
        JsonNode report = SyncCluster.awaitInitialLoad(village, () -> clerk.post("/api/sync/now", "{}"));
        assertTrue(report.path("initialLoadReceived").asBoolean(), "load received: " + report);
        assertEquals(200, login(village, "it.purge", "it-purge-1"), "the account from the initial load logs in");
    }

    @Test
    void reverseLoadSurvivesPurgeAtVillage() {
        // The village starts before central exists, so its first cases are taken in before it
        // registers and reach central only through its reverse initial load.
        Path villageConfig = cluster.writeConfig("village.properties", QUICK_PURGE
                + "sync.push.period.ms=" + HOUR + "\n"
                + "symmetric.job.initial.load.queue.period.time.ms=1000\n");
        cluster.startCentral();
        String token = cluster.issueToken(SyncCluster.VILLAGE, "register");
        cluster.central.stop();
        ServerProcess village = cluster.startNode("village", SyncCluster.VILLAGE, token,
                List.of("--config", villageConfig.toString()));
        Api clerk = Api.login(village.baseUrl(), "clerk", SyncCluster.PASSWORD);
        List<String> caseNumbers = new ArrayList<>();
        for (String name : new String[] {"赵一", "钱二", "孙三"}) {
            caseNumbers.add(takeIn(clerk, name, 100 + caseNumbers.size()));
        }

        cluster.restart(cluster.central);
        assertTrue(SyncCluster.awaitRegistered(village, "clerk").path("registered").asBoolean(), "village registered");
        SyncCluster.awaitInitialLoad(village);
        Api admin = Api.login(cluster.centralUrl(), "admin", SyncCluster.PASSWORD);

        // Central sends the request for the reverse load one run of its load queue job (10 s)
        // after the initial load. The village pulls it within 2 s, queues the load within 1 s
        // and keeps it until it pushes. Its router looks at data gaps only when it has new rows
        // to route, so the clerk goes on taking in cases meanwhile, as a village would.
        Instant end = Instant.now().plus(REQUEST_DELAY).plus(PURGE_WINDOW);
        for (int i = 0; Instant.now().isBefore(end); i++) {
            caseNumbers.add(takeIn(clerk, "周" + "一二三四五六七八九十".charAt(i % 10), 200 + i));
            sleep(Duration.ofSeconds(5));
        }
        assertEquals(404, admin.get("/api/cases/" + caseNumbers.get(0)).status(), "no case before the village pushed");

        clerk.post("/api/sync/now", "{}");
        for (String caseNo : caseNumbers) {
            JsonNode atCentral = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> {
                clerk.post("/api/sync/now", "{}");
                return admin.get("/api/cases/" + caseNo).json();
            }, body -> body.path("events").size() > 0);
            assertEquals(caseNo, atCentral.path("caseNo").asText(), "case taken in before registration at central: "
                    + atCentral);
        }
    }

    /** Takes in a complete case at the village. {@code serial} (100 to 999) varies the ID number. */
    private static String takeIn(Api clerk, String name, int serial) {
        Api.Response response = clerk.post("/api/cases", IntakeForms.complete(name, "32132319800101" + serial,
                "139000" + (10000 + serial), "purge-" + serial));
        assertEquals(201, response.status(), response.body());
        return response.json().path("caseNo").asText();
    }

    private static JsonNode reloadBatches(Api admin) {
        return admin.get("/api/sync/nodes/" + SyncCluster.VILLAGE + "?channel=reload").json().path("batches");
    }

    /** Counts central's outgoing batches to the village in {@code status}, or in any status for "". */
    private static long countOutgoing(JsonNode batches, String status) {
        long count = 0;
        for (JsonNode batch : batches) {
            if ("outgoing".equals(batch.path("direction").asText())
                    && (status.isEmpty() || status.equals(batch.path("status").asText()))) {
                count++;
            }
        }
        return count;
    }

    private static int login(ServerProcess node, String username, String password) {
        Api api = new Api(node.baseUrl());
        return api.post("/api/login", Api.JSON.createObjectNode().put("username", username).put("password", password))
                .status();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
