package cn.siyiban.ops.bench;

import cn.siyiban.central.CentralApp;
import cn.siyiban.central.monitor.SyncNodeReader;
import cn.siyiban.central.monitor.SyncSampler;
import cn.siyiban.central.settings.CentralSettings;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.network.PointStore;
import cn.siyiban.core.seed.DemoAccounts;
import cn.siyiban.core.time.CountyClock;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures {@code GET /api/sync/overview} at central with the SymmetricDS tables of a whole
 * prefecture: 1,500 registered village nodes under the county's townships, each with a host
 * row, a status row, batches sent and received, and a few pending. Central runs in this JVM on
 * 127.0.0.1 with its real engine, so the tables carry SymmetricDS's own indexes. The figure is
 * the request time on loopback, which is the server time plus a small client overhead.
 *
 * <p>Before the requests it takes one sample, as central's sampler does once per period, so the
 * overview has every node's last pull. It then times, on the same database, the queries over
 * {@code sym_outgoing_batch} that the overview ran on every request before the last pull moved
 * into the sample, next to the one it runs now, so one run shows both.
 *
 * <p>Run with {@code ops/bench/sync-overview}. Arguments: number of nodes (default 1500),
 * outgoing and incoming batches per node (default 100 each), measured requests (default 30).
 */
public final class OverviewBenchmark {

    /** 爱园镇 and the first digits of the synthetic village codes under it. */
    private static final String TOWNSHIP = "321323101000";
    /** Rounds of each query in the side-by-side timing. */
    private static final int QUERY_ROUNDS = 10;

    /**
     * The overview's queries over sym_outgoing_batch, by name: those it ran on every request
     * up to the change that moved the last pull into the sample ("before"), and the one it runs
     * now ("after", the same text as outgoing_pending in sync-nodes.sql).
     */
    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("before: outgoing_pending (status IN list, table scan)",
                "SELECT node_id, COUNT(*) AS batches, SUM(data_row_count) AS data_rows, MIN(create_time) AS oldest_time, "
                        + "SUM(CASE WHEN status = 'ER' THEN 1 ELSE 0 END) AS error_batches FROM sym_outgoing_batch "
                        + "WHERE status IN ('NE', 'QY', 'SE', 'LD', 'RQ', 'RT', 'RS', 'LS', 'ER', 'XX') GROUP BY node_id");
        QUERIES.put("before: outgoing_last_loaded (every loaded batch)",
                "SELECT node_id, MAX(last_update_time) AS last_loaded FROM sym_outgoing_batch WHERE status = 'OK' "
                        + "GROUP BY node_id");
        QUERIES.put("after: outgoing_pending (status IN list, hint to SymmetricDS's status index)",
                "SELECT node_id, COUNT(*) AS batches, SUM(data_row_count) AS data_rows, MIN(create_time) AS oldest_time, "
                        + "SUM(CASE WHEN status = 'ER' THEN 1 ELSE 0 END) AS error_batches "
                        + "FROM sym_outgoing_batch --DERBY-PROPERTIES index=SYM_IDX_OB_STATUS\n"
                        + "WHERE status IN ('NE', 'QY', 'SE', 'LD', 'RQ', 'RT', 'RS', 'LS', 'ER', 'XX') GROUP BY node_id");
    }

    private OverviewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 1500;
        int batchesPerNode = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "overview-bench-");
        CentralApp central = CentralApp.create(CentralSettings.demo(dir));
        central.start();
        try {
            long fillStart = System.nanoTime();
            fill(central.database(), nodes, batchesPerNode);
            System.out.printf("Filled %d nodes with %d outgoing and %d incoming batches each in %d s%n", nodes,
                    batchesPerNode, batchesPerNode, (System.nanoTime() - fillStart) / 1_000_000_000);
            sample(central);
            measure("http://127.0.0.1:" + central.port(), nodes, requests);
            timeQueries(central.database());
        } finally {
            central.stop();
        }
        // The stopped SymmetricDS engine leaves non-daemon threads behind, which would keep this
        // JVM running after the figures are printed.
        System.exit(0);
    }

    private static void fill(Database database, int nodes, int batchesPerNode) {
        Instant now = Instant.now();
        database.inTransaction(connection -> {
            insertNodes(connection, nodes, now);
            insertBatches(connection, "sym_outgoing_batch", nodes, batchesPerNode, now);
            insertBatches(connection, "sym_incoming_batch", nodes, batchesPerNode, now);
            return null;
        });
    }

    /** Synthetic village codes: 3213231 + 5 digits + 000 stays clear of the real network's codes. */
    private static String point(int i) {
        return String.format("3213239%05d", i);
    }

    private static void insertNodes(Connection connection, int nodes, Instant now) throws SQLException {
        Timestamp registered = Timestamp.from(now.minus(Duration.ofDays(30)));
        Timestamp heartbeat = Timestamp.from(now.minusSeconds(30));
        try (PreparedStatement point = connection.prepareStatement("INSERT INTO sy_point (code, name, point_level, "
                + "parent_code, source) VALUES (?, ?, 'village', ?, 'benchmark')");
             PreparedStatement node = connection.prepareStatement("INSERT INTO sym_node (node_id, node_group_id, "
                     + "external_id, sync_enabled, symmetric_version, config_version, batch_to_send_count, "
                     + "data_rows_to_send_count) VALUES (?, 'village', ?, 1, '3.15.22', '3.15.22', 0, 0)");
             PreparedStatement security = connection.prepareStatement("INSERT INTO sym_node_security (node_id, "
                     + "node_password, registration_enabled, registration_time, initial_load_enabled, "
                     + "initial_load_time, created_at_node_id) VALUES (?, 'benchmark', 0, ?, 0, ?, '321323000000')");
             PreparedStatement host = connection.prepareStatement("INSERT INTO sym_node_host (node_id, host_name, "
                     + "instance_id, ip_address, heartbeat_time, last_restart_time, create_time) "
                     + "VALUES (?, ?, ?, '10.0.0.1', ?, ?, ?)");
             PreparedStatement status = connection.prepareStatement("INSERT INTO sy_node_status (point_code, "
                     + "siyiban_version, catalogue_version, free_disk_bytes, total_disk_bytes, database_bytes, "
                     + "reported_at) VALUES (?, '0.1.0', 1, ?, 128000000000, 300000000, ?)")) {
            for (int i = 0; i < nodes; i++) {
                String code = point(i);
                point.setString(1, code);
                point.setString(2, "基准测试村" + i);
                point.setString(3, TOWNSHIP);
                point.addBatch();
                node.setString(1, code);
                node.setString(2, code);
                node.addBatch();
                security.setString(1, code);
                security.setTimestamp(2, registered);
                security.setTimestamp(3, registered);
                security.addBatch();
                host.setString(1, code);
                host.setString(2, "node-" + code);
                host.setString(3, "instance-" + code);
                host.setTimestamp(4, heartbeat);
                host.setTimestamp(5, registered);
                host.setTimestamp(6, registered);
                host.addBatch();
                status.setString(1, code);
                // One node in ten has a nearly full disk, so the alert path runs too.
                status.setLong(2, i % 10 == 0 ? 2_000_000_000L : 60_000_000_000L);
                status.setTimestamp(3, heartbeat);
                status.addBatch();
            }
            point.executeBatch();
            node.executeBatch();
            security.executeBatch();
            host.executeBatch();
            status.executeBatch();
        }
    }

    /**
     * Inserts {@code perNode} batches per node: all loaded ('OK') but the two newest, which wait
     * ('NE'), and one node in fifty has one batch in error ('ER'). The batches go in in creation
     * order, every node's batch of one period before any of the next, as SymmetricDS creates
     * them, so the waiting batches are the newest rows of the table.
     */
    private static void insertBatches(Connection connection, String table, int nodes, int perNode, Instant now)
            throws SQLException {
        long batchId = table.startsWith("sym_outgoing") ? 1_000_000 : 5_000_000;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (batch_id, node_id, "
                + "channel_id, status, error_flag, data_row_count, byte_count, create_time, last_update_time"
                + (table.startsWith("sym_incoming") ? "" : ", load_id, extract_job_flag, load_flag, common_flag")
                + ") VALUES (?, ?, ?, ?, ?, ?, 1000, ?, ?"
                + (table.startsWith("sym_incoming") ? "" : ", -1, 0, 0, 0") + ")")) {
            int pending = 0;
            for (int b = 0; b < perNode; b++) {
                for (int i = 0; i < nodes; i++) {
                    String code = point(i);
                    Instant created = now.minus(Duration.ofMinutes((long) (perNode - b) * 10));
                    String status = b >= perNode - 2 ? "NE" : "OK";
                    boolean error = b == 0 && i % 50 == 0;
                    insert.setLong(1, batchId++);
                    insert.setString(2, code);
                    insert.setString(3, b % 2 == 0 ? "heartbeat" : "cases");
                    insert.setString(4, error ? "ER" : table.startsWith("sym_incoming") && "NE".equals(status)
                            ? "OK" : status);
                    insert.setInt(5, error ? 1 : 0);
                    insert.setInt(6, 3);
                    insert.setTimestamp(7, Timestamp.from(created));
                    insert.setTimestamp(8, Timestamp.from(created.plusSeconds(2)));
                    insert.addBatch();
                    if (++pending == 5_000) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
            }
            insert.executeBatch();
        }
    }

    private static void measure(String baseUrl, int nodes, int requests) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\""
                        + DemoAccounts.PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("admin login failed: " + login.body());
        }
        HttpRequest overview = HttpRequest.newBuilder(URI.create(baseUrl + "/api/sync/overview")).GET().build();
        // Warm-up: JIT compilation and Derby's page cache.
        for (int i = 0; i < 5; i++) {
            http.send(overview, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        List<Long> millis = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < requests; i++) {
            long begin = System.nanoTime();
            HttpResponse<String> response = http.send(overview, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            millis.add((System.nanoTime() - begin) / 1_000_000);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("overview failed: " + response.statusCode() + " " + response.body());
            }
            bytes = response.body().length();
            if (!response.body().contains(point(nodes - 1))) {
                throw new IllegalStateException("overview lacks the synthetic node " + point(nodes - 1));
            }
        }
        Collections.sort(millis);
        System.out.printf("GET /api/sync/overview, %d nodes, %d requests, %d characters: min %d ms, median %d ms, "
                        + "p95 %d ms, max %d ms%n", nodes, requests, bytes, millis.get(0), millis.get(millis.size() / 2),
                millis.get((int) Math.ceil(millis.size() * 0.95) - 1), millis.get(millis.size() - 1));
    }

    /** Takes one sample of every node now and prints how long it took. */
    private static void sample(CentralApp central) {
        CentralSettings settings = central.settings();
        SyncNodeReader reader = new SyncNodeReader(central.database(), new PointStore(central.database()),
                settings.monitor());
        SyncSampler sampler = new SyncSampler(central.database(), reader, settings.monitor(), CountyClock.system());
        long begin = System.nanoTime();
        int sampled = sampler.sample();
        System.out.printf("Sampled %d nodes in %d ms%n", sampled, (System.nanoTime() - begin) / 1_000_000);
    }

    /** Times each query of {@link #QUERIES} in turns, so the load of the machine hits all alike. */
    private static void timeQueries(Database database) {
        Map<String, List<Long>> millis = new LinkedHashMap<>();
        QUERIES.keySet().forEach(name -> millis.put(name, new ArrayList<>()));
        for (int round = 0; round < QUERY_ROUNDS; round++) {
            for (Map.Entry<String, String> query : QUERIES.entrySet()) {
                long begin = System.nanoTime();
                int rows = database.query(connection -> {
                    int count = 0;
                    try (PreparedStatement select = connection.prepareStatement(query.getValue());
                         ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            count++;
                        }
                    }
                    return count;
                });
                millis.get(query.getKey()).add((System.nanoTime() - begin) / 1_000_000);
                if (rows == 0) {
                    throw new IllegalStateException("query returned no rows: " + query.getKey());
                }
            }
        }
        millis.forEach((name, times) -> {
            Collections.sort(times);
            System.out.printf("%s, %d rounds: min %d ms, median %d ms, max %d ms%n", name, times.size(), times.get(0),
                    times.get(times.size() / 2), times.get(times.size() - 1));
        });
    }
}
