package cn.siyiban.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pulls the plug on a village node again and again while three clerks take in cases and sync
 * runs: every case whose save the node acknowledged reaches central exactly once, unchanged.
 *
 * <p>The clerks take in {@value #FORMS} forms with {@value #KILLS} kills spread over them. Each
 * node restart costs 10 to 20 seconds on a 2-core machine, so most of the run is restarts.
 */
@Timeout(value = 12, unit = java.util.concurrent.TimeUnit.MINUTES)
class NodeKillIT {

    private static final int FORMS = 1_000;
    private static final int KILLS = 10;

    @Test
    void acknowledgedCasesSurviveSigkill() {
        Random random = new Random(Long.getLong("siyiban.it.seed", System.nanoTime()));
        try (SyncCluster cluster = new SyncCluster("node-kill")) {
            cluster.startCentral();
            ServerProcess village = cluster.startNode("village", SyncCluster.VILLAGE,
                    cluster.issueToken(SyncCluster.VILLAGE, "register"));
            SyncCluster.awaitRegistered(village, "clerk");

            Instant started = Instant.now();
            ClerkLoad clerks = new ClerkLoad(village.baseUrl(), "clerk", "kill", FORMS).start(3);
            for (int kill = 1; kill <= KILLS; kill++) {
                // Spread the kills over the intake: each falls at a random moment after the
                // clerks got another share of their forms through, during a save or a push.
                int share = kill * FORMS / (KILLS + 1);
                Waits.until(Duration.ofSeconds(90), clerks::acknowledgedCount, count -> count >= share);
                sleepRandomly(random, 1_500);
                village.kill();
                cluster.restart(village);
            }
            assertTrue(clerks.awaitDone(Duration.ofMinutes(5)), "clerks finished " + clerks.acknowledgedCount());
            Map<String, ClerkLoad.Acknowledged> acknowledged = clerks.acknowledged();
            System.out.printf("%d kills, %d forms acknowledged, %d resends in %d ms%n", KILLS, acknowledged.size(),
                    clerks.retries(), Duration.between(started, Instant.now()).toMillis());
            assertEquals(FORMS, acknowledged.size(), "forms acknowledged");
            assertEquals(FORMS, new HashSet<>(acknowledged.values().stream()
                    .map(ClerkLoad.Acknowledged::requestKey).toList()).size());
            assertEquals(java.util.List.of(), clerks.unexpected(), "unexpected responses");

            CaseAudit.awaitAtCentral(cluster, village, "clerk", acknowledged.keySet(), Duration.ofMinutes(5));
            village.stop();
            cluster.central.stop();
            CaseAudit.assertCentralMatchesNode(cluster.root.resolve("village").resolve("db"),
                    cluster.root.resolve("central").resolve("db"), SyncCluster.VILLAGE, acknowledged);
        }
    }

    private static void sleepRandomly(Random random, int maxMillis) {
        try {
            Thread.sleep(random.nextInt(maxMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
