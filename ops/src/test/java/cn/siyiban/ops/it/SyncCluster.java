package cn.siyiban.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.testing.PostgresServer;
import cn.siyiban.node.local.LocalToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Central, a township node and a village node of the real network, each a separate JVM on
 * 127.0.0.1 with its own Derby files, as the demo runs them. When the tests run on PostgreSQL
 * ({@link PostgresServer#selected()}), central keeps its data in a PostgreSQL server that the
 * cluster starts with central and stops when it closes; the nodes stay on Derby.
 */
final class SyncCluster implements AutoCloseable {

    /** 北爱园居委会, a village of 爱园镇. */
    static final String VILLAGE = "321323101001";
    /** 爱园镇, the village's own township. */
    static final String TOWNSHIP = "321323101000";
    static final String PASSWORD = "siyiban-demo";
    static final Duration SYNC_TIMEOUT = Duration.ofSeconds(120);

    final Path root;
    final int centralPort = ServerProcess.freePort();
    ServerProcess central;
    final List<ServerProcess> started = new ArrayList<>();
    /** Every registration token issued in this cluster, so a test can check no log holds one. */
    final List<String> issuedTokens = new ArrayList<>();
    /** Central's PostgreSQL server, or null while central runs on Derby. */
    private PostgresServer postgres;
    private String centralDatabaseUrl;

    SyncCluster(String name) {
        try {
            Path base = Path.of(System.getProperty("siyiban.it.dir", "target/it"));
            Files.createDirectories(base);
            root = Files.createTempDirectory(base, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path nodeJar() {
        return Path.of(System.getProperty("siyiban.node.jar", "../node/target/siyiban-node.jar"));
    }

    static Path centralJar() {
        return Path.of(System.getProperty("siyiban.central.jar", "../central/target/siyiban-central.jar"));
    }

    String centralUrl() {
        return "http://127.0.0.1:" + centralPort;
    }

    /** Starts central in demo mode on its fixed port, with its data kept across restarts. */
    ServerProcess startCentral() {
        return startCentral(List.of());
    }

    /** Starts central as {@link #startCentral()} does, with further command line arguments. */
    ServerProcess startCentral(List<String> extraArgs) {
        return startCentral(extraArgs, Map.of());
    }

    /** Starts central with further command line arguments and environment variables for its JVM. */
    ServerProcess startCentral(List<String> extraArgs, Map<String, String> environment) {
        List<String> args = new ArrayList<>(List.of("--demo", "--public-url", centralUrl(), "--demo-village", VILLAGE,
                "--demo-township", TOWNSHIP));
        args.addAll(extraArgs);
        central = ServerProcess.of("central", centralJar(), root.resolve("central"), centralPort, args)
                .withEnvironment(centralDatabaseEnvironment()).withEnvironment(environment).start();
        started.add(central);
        return central;
    }

    /**
     * Returns the environment that points central at the cluster's PostgreSQL database, starting
     * the server on first use; empty on Derby. The password goes through SIYIBAN_DB_PASSWORD, one
     * of the two ways the admin guide describes.
     */
    private Map<String, String> centralDatabaseEnvironment() {
        if (!PostgresServer.selected()) {
            return Map.of();
        }
        if (postgres == null) {
            postgres = PostgresServer.start();
            centralDatabaseUrl = postgres.createDatabase("central");
        }
        return Map.of("SIYIBAN_DB_URL", centralDatabaseUrl, "SIYIBAN_DB_USER", PostgresServer.USER,
                "SIYIBAN_DB_PASSWORD", postgres.password());
    }

    /** Returns the password of central's PostgreSQL user, or empty while central runs on Derby. */
    Optional<String> centralDatabasePassword() {
        return postgres == null ? Optional.empty() : Optional.of(postgres.password());
    }

    /**
     * Returns the single number a {@code SELECT COUNT(*) ...} query yields on central's database.
     * On Derby, central must be stopped first, because embedded Derby allows one JVM at a time.
     */
    long countAtCentral(String sql) {
        if (postgres == null) {
            return DerbyFiles.count(root.resolve("central").resolve("db"), sql);
        }
        try (Connection connection = DriverManager.getConnection(centralDatabaseUrl, PostgresServer.USER,
                postgres.password());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("query on central's PostgreSQL database failed: " + sql, e);
        }
    }

    /** Writes a configuration file into the cluster's folder; returns its path for {@code --config}. */
    Path writeConfig(String name, String text) {
        try {
            return Files.writeString(root.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Issues a registration token for {@code point} as the demo admin. */
    String issueToken(String point, String purpose) {
        Api admin = Api.login(centralUrl(), "admin", PASSWORD);
        ObjectNode body = Api.JSON.createObjectNode().put("point", point).put("purpose", purpose);
        Api.Response response = admin.post("/api/registrations", body);
        assertEquals(201, response.status(), response.body());
        String token = response.json().path("token").asText();
        issuedTokens.add(token);
        return token;
    }

    /** Starts a demo node of {@code point} that registers with central using {@code token}. */
    ServerProcess startNode(String name, String point, String token) {
        return startNode(name, point, token, List.of());
    }

    /** Starts a demo node as {@link #startNode(String, String, String)} does, with further arguments. */
    ServerProcess startNode(String name, String point, String token, List<String> extraArgs) {
        return startNode(name, point, token, extraArgs, Map.of());
    }

    /** Starts a demo node with further arguments and environment variables for its JVM. */
    ServerProcess startNode(String name, String point, String token, List<String> extraArgs,
                            Map<String, String> environment) {
        List<String> args = new ArrayList<>(List.of("--demo", "--point", point, "--central", centralUrl(),
                "--token", token));
        args.addAll(extraArgs);
        ServerProcess node = ServerProcess.of(name, nodeJar(), root.resolve(name), ServerProcess.freePort(), args)
                .withEnvironment(environment).start();
        started.add(node);
        return node;
    }

    /**
     * Replaces a stopped node by a fresh machine on the same port: same point, a new data folder
     * and a new registration token.
     */
    ServerProcess restartWithToken(ServerProcess old, String name, String point, String token) {
        started.remove(old);
        ServerProcess node = ServerProcess.of(name, nodeJar(), root.resolve(name), old.port(),
                List.of("--demo", "--point", point, "--central", centralUrl(), "--token", token));
        started.add(node);
        return node.start();
    }

    /** Starts the village node, registers it with a one-time token and waits until it reports so. */
    ServerProcess startRegisteredVillage() {
        ServerProcess village = startNode("village", VILLAGE, issueToken(VILLAGE, "register"));
        assertTrue(awaitRegistered(village, "clerk").path("registered").asBoolean(), "village registered");
        return village;
    }

    /** Restarts a stopped node on its old port and data folder. */
    ServerProcess restart(ServerProcess node) {
        node.start();
        return node;
    }

    /** Waits until the node reports itself registered with central; returns its sync state. */
    static JsonNode awaitRegistered(ServerProcess node, String clerk) {
        Api api = Api.login(node.baseUrl(), clerk, PASSWORD);
        return Waits.until(SYNC_TIMEOUT, () -> api.get("/api/sync").json(),
                state -> state.path("registered").asBoolean(false));
    }

    /**
     * Waits until the node's local status page reports central's initial load as received, and
     * returns that report. When central queues a node's initial load, SymmetricDS marks every
     * batch it routed to that node earlier as sent without sending it, because the load carries
     * the same rows (DataService.insertReloadEvents). A test that waits for such a batch would
     * look at the node before the load brings the rows.
     */
    static JsonNode awaitInitialLoad(ServerProcess node) {
        return awaitInitialLoad(node, () -> { });
    }

    /**
     * Waits as {@link #awaitInitialLoad(ServerProcess)} does, running {@code beforeEachLook}
     * before each look, for example to sync a node whose jobs run rarely.
     */
    static JsonNode awaitInitialLoad(ServerProcess node, Runnable beforeEachLook) {
        String token;
        try {
            token = Files.readString(node.dataDir().resolve(LocalToken.FILE_NAME)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Api local = new Api(node.baseUrl());
        return Waits.until(SYNC_TIMEOUT, () -> {
            beforeEachLook.run();
            return local.get("/local/status", LocalToken.HEADER, token).json();
        }, report -> report.path("initialLoadReceived").asBoolean(false));
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
