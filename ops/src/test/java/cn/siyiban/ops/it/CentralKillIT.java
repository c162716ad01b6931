package cn.siyiban.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pulls the plug on central ten times while a village and a township push cases to it. Each
 * kill falls within a few seconds of central's start, when the nodes push the backlog they
 * gathered while it was down, so most kills cut a batch in transfer or in loading. Afterwards
 * central has every case exactly once, unchanged, and no batch is left unfinished.
 */
@Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES)
class CentralKillIT {

    private static final int KILLS = 10;
    private static final int FORMS_PER_POINT = 50;

    @Test
    void centralSigkillLosesAndDuplicatesNothing() {
        long seed = Long.getLong("siyiban.it.seed", System.nanoTime());
        System.out.println("CentralKillIT seed " + seed);
        Random random = new Random(seed);
        try (SyncCluster cluster = new SyncCluster("central-kill")) {
            cluster.startCentral();
            ServerProcess village = cluster.startNode("village", SyncCluster.VILLAGE,
                    cluster.issueToken(SyncCluster.VILLAGE, "register"));
            ServerProcess township = cluster.startNode("township", SyncCluster.TOWNSHIP,
                    cluster.issueToken(SyncCluster.TOWNSHIP, "register"));
            SyncCluster.awaitRegistered(village, "clerk");
            SyncCluster.awaitRegistered(township, "clerk2");

            Instant started = Instant.now();
            // Paced so that intake goes on through all ten kills.
            ClerkLoad villageClerks = new ClerkLoad(village.baseUrl(), "clerk", "ck-village", FORMS_PER_POINT)
                    .pacedBy(Duration.ofMillis(1_500)).start(2);
            ClerkLoad townshipClerks = new ClerkLoad(township.baseUrl(), "clerk2", "ck-township", FORMS_PER_POINT)
                    .pacedBy(Duration.ofMillis(1_500)).start(2);
            for (int kill = 0; kill < KILLS; kill++) {
                sleepRandomly(random, 3_000);
                cluster.central.kill();
                // Down long enough for both nodes to gather a backlog and fail a push.
                sleepRandomly(random, 3_000);
                cluster.restart(cluster.central);
            }
            assertTrue(villageClerks.awaitDone(Duration.ofMinutes(2)), "village clerks finished");
            assertTrue(townshipClerks.awaitDone(Duration.ofMinutes(2)), "township clerks finished");
            assertEquals(List.of(), villageClerks.unexpected(), "unexpected responses at the village");
            assertEquals(List.of(), townshipClerks.unexpected(), "unexpected responses at the township");

            CaseAudit.awaitAtCentral(cluster, village, "clerk", villageClerks.acknowledged().keySet());
            CaseAudit.awaitAtCentral(cluster, township, "clerk2", townshipClerks.acknowledged().keySet());
            System.out.printf("%d central kills, %d cases converged in %d ms%n", KILLS,
                    villageClerks.acknowledgedCount() + townshipClerks.acknowledgedCount(),
                    Duration.between(started, Instant.now()).toMillis());

            village.stop();
            township.stop();
            cluster.central.stop();
            Path centralDb = cluster.root.resolve("central").resolve("db");
            CaseAudit.assertCentralMatchesNode(cluster.root.resolve("village").resolve("db"), centralDb,
                    SyncCluster.VILLAGE, villageClerks.acknowledged());
            CaseAudit.assertCentralMatchesNode(cluster.root.resolve("township").resolve("db"), centralDb,
                    SyncCluster.TOWNSHIP, townshipClerks.acknowledged());
            assertEquals(0, DerbyFiles.count(centralDb, "SELECT COUNT(*) FROM sym_incoming_batch WHERE status <> 'OK'"),
                    "incoming batches at central left unfinished");
            // Only the case channel must be empty: heartbeat, status, monitor and config rows are
            // written every period, so a node stopped a moment after its last push has new ones.
            for (String node : List.of("village", "township")) {
                assertEquals(0, DerbyFiles.count(cluster.root.resolve(node).resolve("db"),
                        "SELECT COUNT(*) FROM sym_outgoing_batch WHERE status <> 'OK' AND channel_id = 'cases'"),
                        node + " case batches not sent");
            }
        }
    }

    private static void sleepRandomly(Random random, int maxMillis) {
        try {
            Thread.sleep(500 + random.nextInt(maxMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
