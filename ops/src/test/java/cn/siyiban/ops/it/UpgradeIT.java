package cn.siyiban.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A release that adds a column to a replicated table, rolled out in the admin guide's order:
 * central first, then the village, which keeps syncing on the old schema in between. The next
 * version is today's packaged jars with one more schema script, {@code ALTER TABLE sy_case_event
 * ADD COLUMN}, applied by the schema migrator at start. Each side's script gives the column a
 * different default, so the stored value shows where it came from: a value that crossed the link
 * proves SymmetricDS rebuilt its triggers and replicates the column, and central's default on an
 * event from the old village shows that a batch without the column still loads.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class UpgradeIT {

    private static final String SCRIPT = "V900__upgrade_test_column.sql";
    private static final String EVENTS = "SELECT c.case_no, e.event_type, e.upgrade_probe FROM sy_case_event e"
            + " JOIN sy_case c ON c.id = e.case_id WHERE c.case_no = '%s' AND e.event_type = '%s'";

    @Test
    void addedColumnReplicatesCentralFirst() {
        try (SyncCluster cluster = new SyncCluster("upgrade")) {
            Path centralNext = UpgradeJars.withSchemaScript(SyncCluster.centralJar(),
                    cluster.root.resolve("central-next"), SCRIPT, addColumn("central"));
            Path nodeNext = UpgradeJars.withSchemaScript(SyncCluster.nodeJar(), cluster.root.resolve("node-next"),
                    SCRIPT, addColumn("node"));

            cluster.startCentral();
            ServerProcess village = cluster.startNode("village", SyncCluster.VILLAGE,
                    cluster.issueToken(SyncCluster.VILLAGE, "register"));
            assertTrue(SyncCluster.awaitRegistered(village, "clerk").path("registered").asBoolean(), "registered");
            String beforeUpgrade = takeIn(village, 1);
            awaitAtCentral(cluster, beforeUpgrade);

            // Central first: the village still runs the old schema.
            cluster.central.stop();
            cluster.started.remove(cluster.central);
            cluster.central = cluster.central.withJar(centralNext).start();
            cluster.started.add(cluster.central);
            approve(cluster, beforeUpgrade);
            awaitStatus(village, beforeUpgrade, "approved");
            String duringRollout = takeIn(village, 2);
            awaitAtCentral(cluster, duringRollout);

            // Then the village.
            village.stop();
            cluster.started.remove(village);
            ServerProcess upgraded = village.withJar(nodeNext).start();
            cluster.started.add(upgraded);
            String afterUpgrade = takeIn(upgraded, 3);
            awaitAtCentral(cluster, afterUpgrade);
            approve(cluster, afterUpgrade);
            awaitStatus(upgraded, afterUpgrade, "approved");

            upgraded.stop();
            cluster.central.stop();
            Path centralDb = cluster.root.resolve("central").resolve("db");
            Path nodeDb = cluster.root.resolve("village").resolve("db");
            assertEquals("central", probe(centralDb, duringRollout, "intake"),
                    "an event from the old village loads at upgraded central, which fills its default");
            assertEquals("node", probe(centralDb, afterUpgrade, "intake"),
                    "the upgraded village's value of the new column reached central");
            assertEquals("central", probe(nodeDb, afterUpgrade, "approved"),
                    "central's value of the new column reached the upgraded village");
            for (String caseNo : List.of(beforeUpgrade, duringRollout, afterUpgrade)) {
                assertEquals(DerbyFiles.count(nodeDb, "SELECT COUNT(*) FROM sy_case_event e JOIN sy_case c"
                        + " ON c.id = e.case_id WHERE c.case_no = '" + caseNo + "'"),
                        DerbyFiles.count(centralDb, "SELECT COUNT(*) FROM sy_case_event e JOIN sy_case c"
                        + " ON c.id = e.case_id WHERE c.case_no = '" + caseNo + "'"), "events of " + caseNo);
            }
        }
    }

    /** Returns the next release's script, with {@code side} as the column's default on that side only. */
    private static String addColumn(String side) {
        return "-- Test release: a new column on a table replicated in both directions.\n"
                + "ALTER TABLE sy_case_event ADD COLUMN upgrade_probe VARCHAR(20) DEFAULT '" + side + "';\n";
    }

    private static String probe(Path db, String caseNo, String eventType) {
        List<List<String>> rows = DerbyFiles.rows(db, EVENTS.formatted(caseNo, eventType));
        assertEquals(1, rows.size(), caseNo + " " + eventType + ": " + rows);
        return rows.get(0).get(2);
    }

    private static String takeIn(ServerProcess village, int index) {
        Api clerk = Api.login(village.baseUrl(), "clerk", SyncCluster.PASSWORD);
        ObjectNode body = IntakeForms.complete("孙升级", "3213231982050" + index + "123", "1390527000" + index,
                "it-upgrade-" + index);
        Api.Response created = clerk.post("/api/cases", body);
        assertEquals(201, created.status(), created.body());
        return created.json().path("caseNo").asText();
    }

    private static void awaitAtCentral(SyncCluster cluster, String caseNo) {
        Api admin = Api.login(cluster.centralUrl(), "admin", SyncCluster.PASSWORD);
        Api.Response found = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> admin.get("/api/cases/" + caseNo),
                response -> response.status() == 200);
        assertEquals(200, found.status(), caseNo + " at central: " + found.body());
    }

    private static void approve(SyncCluster cluster, String caseNo) {
        Api reviewer = Api.login(cluster.centralUrl(), "reviewer", SyncCluster.PASSWORD);
        Api.Response decided = reviewer.post("/api/cases/" + caseNo + "/decisions",
                Api.JSON.createObjectNode().put("decision", "approve").put("comment", "同意"));
        assertEquals(201, decided.status(), decided.body());
    }

    private static void awaitStatus(ServerProcess village, String caseNo, String status) {
        Api clerk = Api.login(village.baseUrl(), "clerk", SyncCluster.PASSWORD);
        JsonNode detail = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> clerk.get("/api/cases/" + caseNo).json(),
                seen -> status.equals(seen.path("status").asText()));
        assertEquals(status, detail.path("status").asText(), detail.toString());
    }
}
