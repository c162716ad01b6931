package cn.siyiban.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Two nodes whose clocks are wrong by two days, one ahead and one behind, as a mini PC with a
 * dead clock battery or a hand-set clock would be. The JVMs run under libfaketime, so the node
 * application, Derby and SymmetricDS all see the wrong time. Each node must register, take in
 * cases and sync. Central must show each offset and flag the cases. Due dates stay computed
 * from the time the node recorded, and the events of a case keep their order on both sides.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ClockSkewIT {

    /** Debian's libfaketime (package libfaketime), the multi-threaded variant a JVM needs. */
    private static final Path FAKETIME = Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1");
    private static final long TWO_DAYS = Duration.ofDays(2).toSeconds();
    /** Slack for the offset estimates: push delay in central's, one-second Date headers in the node's. */
    private static final long OFFSET_SLACK_SECONDS = 120;
    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

    private SyncCluster cluster;
    private ServerProcess ahead;
    private ServerProcess behind;

    @BeforeAll
    void startNetwork() {
        assertTrue(Files.exists(FAKETIME), FAKETIME + " is missing; install Debian's libfaketime package");
        cluster = new SyncCluster("clock");
        Path centralConfig = cluster.writeConfig("central.properties",
                "sync.heartbeat.period.ms=3000\nmonitor.sample.period.seconds=5\n");
        Path nodeConfig = cluster.writeConfig("node.properties", "sync.heartbeat.period.ms=3000\n");
        cluster.startCentral(List.of("--config", centralConfig.toString()));
        ahead = cluster.startNode("ahead", SyncCluster.VILLAGE, cluster.issueToken(SyncCluster.VILLAGE, "register"),
                List.of("--config", nodeConfig.toString()), fakeClock("+2d"));
        behind = cluster.startNode("behind", SyncCluster.TOWNSHIP,
                cluster.issueToken(SyncCluster.TOWNSHIP, "register"), List.of("--config", nodeConfig.toString()),
                fakeClock("-2d"));
        assertTrue(SyncCluster.awaitRegistered(ahead, "clerk").path("registered").asBoolean(), "ahead registered");
        assertTrue(SyncCluster.awaitRegistered(behind, "clerk2").path("registered").asBoolean(), "behind registered");
    }

    /**
     * Environment that shifts the JVM's clocks by {@code shift}. libfaketime 0.9.10 shifts the
     * monotonic clock as well, which the JVM tolerates because the shift is constant. Keeping the
     * monotonic clock real (FAKETIME_DONT_FAKE_MONOTONIC) made each clock call about 3 µs instead
     * of 0.4 µs here, and Derby and SymmetricDS read the clock so often that a node then took
     * minutes to start.
     */
    private static Map<String, String> fakeClock(String shift) {
        return Map.of("LD_PRELOAD", FAKETIME.toString(), "FAKETIME", shift);
    }

    @AfterAll
    void stopNetwork() {
        cluster.close();
    }

    @Test
    void nodeTwoDaysAheadKeepsWorkingAndIsFlagged() {
        checkSkewedNode(ahead, "clerk", SyncCluster.VILLAGE, TWO_DAYS);
    }

    @Test
    void nodeTwoDaysBehindKeepsWorkingAndIsFlagged() {
        checkSkewedNode(behind, "clerk2", SyncCluster.TOWNSHIP, -TWO_DAYS);
    }

    /** @param skewSeconds the node's clock minus the real time */
    private void checkSkewedNode(ServerProcess node, String clerkName, String point, long skewSeconds) {
        Api clerk = Api.login(node.baseUrl(), clerkName, SyncCluster.PASSWORD);
        Api.Response created = clerk.post("/api/cases", intake(point));
        assertEquals(201, created.status(), created.body());
        String caseNo = created.json().path("caseNo").asText();
        JsonNode local = clerk.get("/api/cases/" + caseNo).json();
        long recordedShift = Duration.between(LocalDateTime.now(COUNTY), time(local, "createdAt")).toSeconds();
        assertTrue(Math.abs(recordedShift - skewSeconds) < OFFSET_SLACK_SECONDS,
                "the node records intake in its own clock, shifted by " + recordedShift + " s");

        // The node compares its clock with central's and warns its clerks in the page header.
        JsonNode sync = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> clerk.get("/api/sync").json(),
                state -> !state.path("clockOffsetSeconds").isNull() && state.has("clockOffsetSeconds"));
        assertNear(-skewSeconds, sync.path("clockOffsetSeconds").asLong(), "central minus node at the node");
        assertFalse(sync.path("clockProblem").isNull(), sync.toString());
        assertTrue(sync.path("clockProblem").asText().contains(skewSeconds > 0 ? "快" : "慢"), sync.toString());

        // Central shows the node's offset, raises the clock alert and flags the case.
        Api admin = Api.login(cluster.centralUrl(), "admin", SyncCluster.PASSWORD);
        JsonNode monitored = Waits.until(SyncCluster.SYNC_TIMEOUT,
                () -> admin.get("/api/sync/nodes/" + point).json().path("node"),
                figures -> Math.abs(figures.path("clockOffsetSeconds").asLong(0)) > TWO_DAYS / 2);
        assertNear(skewSeconds, monitored.path("clockOffsetSeconds").asLong(), "node minus central at central");
        JsonNode alerts = admin.get("/api/sync/alerts").json();
        assertTrue(hasAlert(alerts, "clock_offset", point), alerts.toString());

        // A clock ahead is flagged on arrival; the offset is stamped at the next sample after it.
        JsonNode atCentral = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> admin.get("/api/cases/" + caseNo).json(),
                detail -> detail.path("clockOff").asBoolean(false) && detail.path("nodeClockOffsetSeconds").isNumber());
        assertTrue(atCentral.path("clockOff").asBoolean(), atCentral.toString());
        assertNear(skewSeconds, atCentral.path("nodeClockOffsetSeconds").asLong(), "offset stamped on the case");
        assertEquals(local.path("createdAt"), atCentral.path("createdAt"), "intake time kept as the node recorded it");
        assertEquals(local.path("dueAt"), atCentral.path("dueAt"), "due date computed from the node's intake time");

        // A decision at central and a delivery at the node keep the case's events in order.
        Api reviewer = Api.login(cluster.centralUrl(), "reviewer", SyncCluster.PASSWORD);
        Api.Response decided = reviewer.post("/api/cases/" + caseNo + "/decisions",
                Api.JSON.createObjectNode().put("decision", "approve").put("comment", "同意"));
        assertEquals(201, decided.status(), decided.body());
        JsonNode approved = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> clerk.get("/api/cases/" + caseNo).json(),
                detail -> "approved".equals(detail.path("status").asText()));
        assertEquals("approved", approved.path("status").asText());
        Api.Response delivered = clerk.post("/api/cases/" + caseNo + "/delivery", Api.JSON.createObjectNode());
        assertEquals(201, delivered.status(), delivered.body());

        JsonNode done = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> admin.get("/api/cases/" + caseNo).json(),
                detail -> "delivered".equals(detail.path("status").asText()));
        JsonNode nodeSide = clerk.get("/api/cases/" + caseNo).json();
        assertEquals(eventTypes(nodeSide), eventTypes(done), "both sides list the events alike");
        List<String> types = eventTypes(done);
        assertTrue(types.indexOf("approved") > 0, types.toString());
        assertEquals("delivered", types.get(types.size() - 1), types.toString());
        assertTimesAscending(done);
        assertEquals(0, done.path("hashChainProblems").size(), done.toString());
    }

    private static ObjectNode intake(String point) {
        return IntakeForms.complete("钱时钟", "32132319750203" + point.substring(point.length() - 3), "13905270000",
                "it-clock-" + point);
    }

    private static LocalDateTime time(JsonNode node, String field) {
        return LocalDateTime.parse(node.path(field).asText());
    }

    private static void assertNear(long expected, long actual, String what) {
        assertTrue(Math.abs(expected - actual) <= OFFSET_SLACK_SECONDS,
                what + ": expected about " + expected + " s, was " + actual + " s");
    }

    private static boolean hasAlert(JsonNode alerts, String kind, String point) {
        for (JsonNode alert : alerts) {
            if (kind.equals(alert.path("kind").asText()) && point.equals(alert.path("point").asText())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> eventTypes(JsonNode detail) {
        List<String> types = new ArrayList<>();
        detail.path("events").forEach(event -> types.add(event.path("type").asText()));
        return types;
    }

    private static void assertTimesAscending(JsonNode detail) {
        LocalDateTime previous = null;
        for (JsonNode event : detail.path("events")) {
            LocalDateTime at = time(event, "at");
            if (previous != null) {
                assertFalse(at.isBefore(previous), "event " + event.path("type").asText() + " at " + at
                        + " before the one it follows at " + previous);
            }
            previous = at;
        }
    }
}
