package cn.siyiban.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A village offline for eight days by the clock of both machines, longer than the week that
 * SymmetricDS keeps acknowledged batches. Central and the node run under libfaketime with one
 * shared clock file that the test moves forward a day at a time. Each simulated day central
 * publishes a catalogue change, the village takes in cases, and the purge jobs of both sides run
 * every 5 seconds. When the link returns, every case reaches central unchanged, the village ends
 * on central's latest catalogue, and the purge has really run: the batches acknowledged before
 * the outage are gone while nothing unsent was lost.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LongOutageIT {

    private static final Path FAKETIME = Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1");
    private static final int DAYS = 8;
    private static final int CASES_PER_DAY = 3;
    /** Every 5 seconds instead of SymmetricDS's every 4 hours, so purges run on each simulated day. */
    private static final String PURGE_OFTEN = "symmetric.job.purge.outgoing.cron=*/5 * * * * *\n"
            + "symmetric.job.purge.incoming.cron=*/5 * * * * *\n";
    private static final DateTimeFormatter DERBY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String CSV_HEADER = "code,name,category,department,time_class,legal_days,promised_days,"
            + "proxy_allowed,materials,source\n";

    @Test
    void eightDayOutageLosesNothing() throws Exception {
        assertTrue(Files.exists(FAKETIME), FAKETIME + " is missing; install Debian's libfaketime package");
        long seed = Long.getLong("siyiban.it.seed", System.nanoTime());
        try (SyncCluster cluster = new SyncCluster("outage");
             FlakyProxy link = new FlakyProxy(cluster.centralPort, 0.0, 0, seed)) {
            Path clockFile = cluster.writeConfig("faketime.rc", "+0d\n");
            // libfaketime moves the monotonic clock with the wall clock, so to the JVMs each jump is
            // a day that really passed: timed waits end and connection pools renew their connections.
            Map<String, String> clock = Map.of("LD_PRELOAD", FAKETIME.toString(),
                    "FAKETIME_TIMESTAMP_FILE", clockFile.toString(), "FAKETIME_CACHE_DURATION", "1");
            String linkUrl = "http://127.0.0.1:" + link.port();
            Path centralConfig = cluster.writeConfig("central.properties",
                    "sync.heartbeat.period.ms=3000\n" + PURGE_OFTEN);
            Path nodeConfig = cluster.writeConfig("node.properties", "sync.heartbeat.period.ms=3000\n" + PURGE_OFTEN);
            cluster.startCentral(List.of("--public-url", linkUrl, "--config", centralConfig.toString()), clock);
            ServerProcess village = cluster.startNode("village", SyncCluster.VILLAGE,
                    cluster.issueToken(SyncCluster.VILLAGE, "register"),
                    List.of("--central", linkUrl, "--config", nodeConfig.toString()), clock);
            assertTrue(SyncCluster.awaitRegistered(village, "clerk").path("registered").asBoolean(), "registered");

            Map<String, ClerkLoad.Acknowledged> acknowledged = new HashMap<>();
            acknowledged.putAll(takeIn(village, "before", CASES_PER_DAY));
            CaseAudit.awaitAtCentral(cluster, village, "clerk", acknowledged.keySet());

            LocalDateTime beforeOutage = LocalDateTime.now().plusHours(12);
            link.setDown(true);
            for (int day = 1; day <= DAYS; day++) {
                Files.writeString(clockFile, "+" + day + "d\n");
                // libfaketime rereads the file once its 1-second cache has expired.
                Thread.sleep(2_000);
                Api admin = Api.login(cluster.centralUrl(), "admin", SyncCluster.PASSWORD);
                Api.Response published = admin.post("/api/catalogue/import?mode=merge", catalogueOfDay(day));
                assertEquals(201, published.status(), "day " + day + ": " + published.body());
                acknowledged.putAll(takeIn(village, "day" + day, CASES_PER_DAY));
                // Let at least one purge round run on both sides on this day.
                Thread.sleep(6_000);
            }

            Instant back = Instant.now();
            link.setDown(false);
            CaseAudit.awaitAtCentral(cluster, village, "clerk", acknowledged.keySet());
            Api clerk = Api.login(village.baseUrl(), "clerk", SyncCluster.PASSWORD);
            JsonNode renamed = Waits.until(SyncCluster.SYNC_TIMEOUT,
                    () -> clerk.get("/api/matters?q=OUTAGE-000").json(),
                    rows -> rows.size() == 1 && rows.get(0).path("name").asText().endsWith("第" + DAYS + "天"));
            assertEquals("长时间断网测试事项第" + DAYS + "天", renamed.get(0).path("name").asText(),
                    "the village applied the catalogue changes in order and ended on the last");
            for (int day = 1; day <= DAYS; day++) {
                assertEquals(1, clerk.get("/api/matters?q=OUTAGE-00" + day).json().size(), "matter of day " + day);
            }
            System.out.printf("Eight-day outage: %d cases and %d catalogue changes caught up in %d ms%n",
                    acknowledged.size(), DAYS, Duration.between(back, Instant.now()).toMillis());

            village.stop();
            cluster.central.stop();
            Path nodeDb = cluster.root.resolve("village").resolve("db");
            Path centralDb = cluster.root.resolve("central").resolve("db");
            CaseAudit.assertCentralMatchesNode(nodeDb, centralDb, SyncCluster.VILLAGE, acknowledged);
            assertSyncStillEnabled(centralDb);
            assertPurged(centralDb, "central", "sym_outgoing_batch", beforeOutage);
            assertPurged(centralDb, "central", "sym_incoming_batch", beforeOutage);
            assertPurged(nodeDb, "village", "sym_outgoing_batch", beforeOutage);
            assertPurged(nodeDb, "village", "sym_incoming_batch", beforeOutage);
        }
    }

    private static Map<String, ClerkLoad.Acknowledged> takeIn(ServerProcess village, String tag, int count) {
        ClerkLoad clerks = new ClerkLoad(village.baseUrl(), "clerk", tag, count).start(1);
        assertTrue(clerks.awaitDone(Duration.ofMinutes(1)), tag + ": clerk finished " + clerks.acknowledgedCount());
        assertEquals(List.of(), clerks.unexpected(), tag + ": unexpected responses");
        return clerks.acknowledged();
    }

    /** Renames the matter every day and adds one, so the last name shows the changes came in order. */
    private static String catalogueOfDay(int day) {
        return CSV_HEADER
                + "OUTAGE-000,长时间断网测试事项第" + day + "天,测试,县民政局,promised,5,3,true,身份证,integration test\n"
                + "OUTAGE-00" + day + ",断网第" + day + "天新增事项,测试,县民政局,promised,5,3,true,身份证,integration test\n";
    }

    /** SymmetricDS's offline-node detection must not have disabled the village. */
    private static void assertSyncStillEnabled(Path centralDb) {
        assertEquals(1, DerbyFiles.count(centralDb, "SELECT COUNT(*) FROM sym_node WHERE external_id = '"
                + SyncCluster.VILLAGE + "' AND sync_enabled = 1"), "the village is still enabled at central");
    }

    /**
     * Asserts that no batch both created and finished before the outage is left in {@code table}.
     * Each side had such batches (central sent the initial load and received the first cases, the
     * village the reverse), and by the last simulated day they were older than the week of
     * retention, so only a purge that really ran under the moved clock can have deleted them. A
     * batch created before the outage but still unsent during it must stay, and it shows as
     * finished after the outage.
     *
     * @param cutoff a time after the first cases synced and before the first simulated day, in
     *               this machine's zone, which the servers share because the test sets no TZ
     */
    private static void assertPurged(Path db, String side, String table, LocalDateTime cutoff) {
        String before = "TIMESTAMP('" + cutoff.format(DERBY_TIME) + "')";
        long left = DerbyFiles.count(db, "SELECT COUNT(*) FROM " + table + " WHERE create_time < " + before
                + " AND last_update_time < " + before);
        assertEquals(0, left, side + ": " + table + " rows finished before the outage were not purged");
    }
}
