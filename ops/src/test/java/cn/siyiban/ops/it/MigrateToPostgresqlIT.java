package cn.siyiban.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import cn.siyiban.core.testing.PostgresServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * A central that ran on Derby moves to PostgreSQL with {@code siyiban-central
 * migrate-to-postgresql}, and its registered village keeps syncing through the migrated central
 * without a new token: a decision made before the move and still unsent reaches the village, the
 * cases taken in before the move are still at central, and a new case arrives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class MigrateToPostgresqlIT {

    private SyncCluster cluster;
    private ServerProcess village;
    private PostgresServer postgres;

    @BeforeAll
    void startNetwork() {
        // The cluster would start central on PostgreSQL already; this test starts it on Derby.
        assumeFalse(PostgresServer.selected(), "runs once, with central first on Derby");
        cluster = new SyncCluster("migrate");
        cluster.startCentral();
        village = cluster.startRegisteredVillage();
    }

    @AfterAll
    void stopNetwork() {
        if (cluster != null) {
            cluster.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void villageKeepsSyncingAfterMove() {
        Api clerk = Api.login(village.baseUrl(), "clerk", SyncCluster.PASSWORD);
        String first = takeIn(clerk, 1);
        String second = takeIn(clerk, 2);
        CaseAudit.awaitAtCentral(cluster, village, "clerk", Set.of(first, second));

        // The decision waits at central for the village, which is down, so an unsent batch moves.
        village.stop();
        Api reviewer = Api.login(cluster.centralUrl(), "reviewer", SyncCluster.PASSWORD);
        ObjectNode decision = Api.JSON.createObjectNode().put("decision", "approve").put("comment", "材料齐全，同意");
        Api.Response decided = reviewer.post("/api/cases/" + first + "/decisions", decision);
        assertEquals(201, decided.status(), decided.body());

        postgres = PostgresServer.start();
        String url = postgres.createDatabase("migrated");
        Path config = cluster.writeConfig("central-postgresql.properties", "data.dir=" + cluster.root.resolve("central")
                + "\ndb.url=" + url + "\ndb.user=" + PostgresServer.USER + "\n");
        Map<String, String> password = Map.of("SIYIBAN_DB_PASSWORD", postgres.password());

        Command whileRunning = Command.migrate(config, password);
        assertEquals(2, whileRunning.exitCode(), whileRunning.output());
        assertTrue(whileRunning.output().contains("请先停止县级中心"), whileRunning.output());

        cluster.central.stop();
        Command migrated = Command.migrate(config, password);
        System.out.println(migrated.output());
        assertEquals(0, migrated.exitCode(), migrated.output());
        assertTrue(migrated.output().contains("迁移完成"), migrated.output());

        long logBefore = logLength(cluster.central.log());
        cluster.startCentral(List.of(), Map.of("SIYIBAN_DB_URL", url, "SIYIBAN_DB_USER", PostgresServer.USER,
                "SIYIBAN_DB_PASSWORD", postgres.password()));
        cluster.restart(village);

        // Sessions end with the node's process, so the clerk logs in again.
        Api again = Api.login(village.baseUrl(), "clerk", SyncCluster.PASSWORD);
        JsonNode approved = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> again.get("/api/cases/" + first).json(),
                detail -> "approved".equals(detail.path("status").asText()));
        assertEquals("approved", approved.path("status").asText(), approved.toString());

        String third = takeIn(again, 3);
        CaseAudit.awaitAtCentral(cluster, village, "clerk", Set.of(first, second, third));
        Api admin = Api.login(cluster.centralUrl(), "admin", SyncCluster.PASSWORD);
        JsonNode history = admin.get("/api/cases/" + first).json();
        assertEquals(0, history.path("hashChainProblems").size(), history.toString());

        // A captured change that collides with a copied sym_data row makes SymmetricDS fail and
        // retry batches. The checks above would still pass once the retries move past it, so the
        // log is checked too.
        String migratedLog = readFrom(cluster.central.log(), logBefore);
        for (String line : migratedLog.split("\n")) {
            assertFalse(line.contains("duplicate key") || line.contains(" ERROR ") && line.contains("Failed to"), line);
        }

        Command twice = Command.migrate(config, password);
        assertEquals(2, twice.exitCode(), twice.output());
        assertTrue(twice.output().contains("已有 3 件办件"), twice.output());
    }

    private static long logLength(Path log) {
        try {
            return Files.size(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readFrom(Path log, long offset) {
        try {
            byte[] bytes = Files.readAllBytes(log);
            return new String(bytes, (int) offset, bytes.length - (int) offset, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes in a complete SYM-023 case at the village; returns its case number. */
    private static String takeIn(Api clerk, int index) {
        ObjectNode body = IntakeForms.complete("孙迁移", "32132319750203" + String.format("%03d", 400 + index),
                "13905270000", "it-migrate-" + index);
        Api.Response created = clerk.post("/api/cases", body);
        assertEquals(201, created.status(), created.body());
        return created.json().path("caseNo").asText();
    }

    /** One run of a central command line, with its exit code and combined output. */
    private record Command(int exitCode, String output) {

        static Command migrate(Path config, Map<String, String> environment) {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", SyncCluster.centralJar().toString(), "migrate-to-postgresql", "--config", config.toString())
                    .redirectErrorStream(true);
            builder.environment().putAll(environment);
            try {
                Process process = builder.start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(process.waitFor(3, TimeUnit.MINUTES), "migration finished");
                return new Command(process.exitValue(), output);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
