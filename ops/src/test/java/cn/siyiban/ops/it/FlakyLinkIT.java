package cn.siyiban.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Syncs a village over a link that cuts 30% of its connections mid-stream, delays the rest by
 * up to 1.5 s and resets every connection after 2 to 8 s. Cases still reach central once and
 * unchanged, and a catalogue change published meanwhile still reaches the village.
 */
@Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES)
class FlakyLinkIT {

    private static final int FORMS = 60;

    @Test
    void syncConvergesOverFlakyLink() throws Exception {
        long seed = Long.getLong("siyiban.it.seed", System.nanoTime());
        System.out.println("FlakyLinkIT seed " + seed);
        try (SyncCluster cluster = new SyncCluster("flaky");
             FlakyProxy proxy = new FlakyProxy(cluster.centralPort, 0.3, 1_500, seed)) {
            String proxyUrl = "http://127.0.0.1:" + proxy.port();
            // Central hands its public URL to nodes at registration, and nodes push and pull
            // there afterwards, so both the registration URL and the public URL are the proxy.
            cluster.startCentral(List.of("--public-url", proxyUrl));
            ServerProcess village = cluster.startNode("village", SyncCluster.VILLAGE,
                    cluster.issueToken(SyncCluster.VILLAGE, "register"), List.of("--central", proxyUrl));
            JsonNode registered = SyncCluster.awaitRegistered(village, "clerk");
            assertTrue(registered.path("registered").asBoolean(), registered.toString());

            Instant started = Instant.now();
            ClerkLoad clerks = new ClerkLoad(village.baseUrl(), "clerk", "flaky", FORMS).start(2);
            Api admin = Api.login(cluster.centralUrl(), "admin", SyncCluster.PASSWORD);
            String csv = "code,name,category,department,time_class,legal_days,promised_days,proxy_allowed,"
                    + "materials,source\nFLAKY-001,断续链路测试事项,测试,县民政局,promised,5,3,true,身份证,integration test\n";
            Api.Response published = admin.post("/api/catalogue/import?mode=merge", csv);
            assertEquals(201, published.status(), published.body());

            assertTrue(clerks.awaitDone(Duration.ofMinutes(2)), "clerks finished " + clerks.acknowledgedCount());
            assertEquals(List.of(), clerks.unexpected(), "unexpected responses");
            CaseAudit.awaitAtCentral(cluster, village, "clerk", clerks.acknowledged().keySet());
            Api clerk = Api.login(village.baseUrl(), "clerk", SyncCluster.PASSWORD);
            JsonNode matter = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> clerk.get("/api/matters?q=FLAKY-001").json(),
                    rows -> rows.size() == 1);
            assertEquals(1, matter.size(), "catalogue change reached the village");
            System.out.printf("Flaky link: %d cases converged in %d ms; %d connections, %d cut, %d reset at the end "
                    + "of their lifetime, %d bytes passed%n", FORMS, Duration.between(started, Instant.now()).toMillis(),
                    proxy.connections(), proxy.cutConnections(), proxy.lifetimeResets(), proxy.bytesPassed());
            // A run in which the link never broke tested nothing.
            int broken = proxy.cutConnections() + proxy.lifetimeResets();
            assertTrue(broken >= 3, "the proxy broke only " + broken + " connections");

            village.stop();
            cluster.central.stop();
            CaseAudit.assertCentralMatchesNode(cluster.root.resolve("village").resolve("db"),
                    cluster.root.resolve("central").resolve("db"), SyncCluster.VILLAGE, clerks.acknowledged());
        }
    }
}
