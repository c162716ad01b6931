package cn.siyiban.central.monitor;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.network.PointLevel;
import cn.siyiban.core.network.PointStore;
import cn.siyiban.core.network.ServicePoint;
import cn.siyiban.core.time.CountyClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads the sync status of every village and township point from SymmetricDS's tables in
 * central's database, with the queries of {@code sync-nodes.sql}. Points that never registered
 * are listed too, because an admin needs to see which villages are still missing.
 */
public final class SyncNodeReader {

    /** A node whose latest heartbeat is older than this counts as offline. */
    static final Duration OFFLINE_AFTER = Duration.ofHours(2);
    private static final String RESOURCE = "/cn/siyiban/central/monitor/sync-nodes.sql";
    private static final Map<String, String> QUERIES = queries();

    private final Database database;
    private final PointStore points;
    private final Supplier<Instant> now;

    public SyncNodeReader(Database database, PointStore points) {
        this(database, points, Instant::now);
    }

    SyncNodeReader(Database database, PointStore points, Supplier<Instant> now) {
        this.database = database;
        this.points = points;
        this.now = now;
    }

    /** The registration and heartbeat times SymmetricDS stores for one node. */
    private record NodeRow(String nodeId, Timestamp registrationTime, Timestamp heartbeatTime) {
    }

    /** Returns one row per village and township point, in point code order. */
    public List<SyncNode> read() {
        return database.query(connection -> {
            Map<String, NodeRow> nodes = new HashMap<>();
            Map<String, Integer> pending = new HashMap<>();
            Map<String, Integer> errors = new HashMap<>();
            // Before central's engine first starts, SymmetricDS's tables do not exist yet and
            // every point is unregistered.
            if (symmetricTablesExist(connection)) {
                readNodes(connection, nodes);
                readOutgoing(connection, pending, errors);
                readIncoming(connection, errors);
            }
            List<SyncNode> rows = new ArrayList<>();
            for (ServicePoint point : points.all()) {
                if (point.level() == PointLevel.VILLAGE || point.level() == PointLevel.TOWNSHIP) {
                    rows.add(row(point, nodes.get(point.code()), pending, errors));
                }
            }
            return rows;
        });
    }

    private SyncNode row(ServicePoint point, NodeRow node, Map<String, Integer> pending,
                         Map<String, Integer> errors) {
        String group = point.level().nodeGroup();
        if (node == null || node.registrationTime() == null) {
            return new SyncNode(point.code(), point.name(), group, "unregistered", "未注册", null, 0, 0);
        }
        int pendingBatches = pending.getOrDefault(node.nodeId(), 0);
        int errorBatches = errors.getOrDefault(node.nodeId(), 0);
        Instant heartbeat = node.heartbeatTime() == null ? null : node.heartbeatTime().toInstant();
        LocalDateTime lastContact = heartbeat == null ? null : LocalDateTime.ofInstant(heartbeat, CountyClock.ZONE);
        String status;
        String label;
        if (errorBatches > 0) {
            status = "error";
            label = "错误";
        } else if (heartbeat == null || heartbeat.isBefore(now.get().minus(OFFLINE_AFTER))) {
            status = "offline";
            label = "离线";
        } else {
            status = "ok";
            label = "正常";
        }
        return new SyncNode(point.code(), point.name(), group, status, label, lastContact, pendingBatches,
                errorBatches);
    }

    private static boolean symmetricTablesExist(Connection connection) throws SQLException {
        // Derby stores unquoted names in upper case; PostgreSQL in lower case.
        for (String name : new String[] {"SYM_NODE", "sym_node"}) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void readNodes(Connection connection, Map<String, NodeRow> nodes) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(QUERIES.get("nodes"));
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                // NOTE: assumes SymmetricDS writes these timestamps in the JVM's default zone,
                // the zone in which getTimestamp reads them.
                nodes.put(row.getString("external_id"), new NodeRow(row.getString("node_id"),
                        row.getTimestamp("registration_time"), row.getTimestamp("heartbeat_time")));
            }
        }
    }

    private static void readOutgoing(Connection connection, Map<String, Integer> pending,
                                     Map<String, Integer> errors) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(QUERIES.get("outgoing"));
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                pending.merge(row.getString("node_id"), row.getInt("pending_batches"), Integer::sum);
                errors.merge(row.getString("node_id"), row.getInt("error_batches"), Integer::sum);
            }
        }
    }

    private static void readIncoming(Connection connection, Map<String, Integer> errors) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(QUERIES.get("incoming"));
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                errors.merge(row.getString("node_id"), row.getInt("error_batches"), Integer::sum);
            }
        }
    }

    /** Splits the resource into its sections by their {@code -- name:} lines. */
    private static Map<String, String> queries() {
        String text;
        try (InputStream in = SyncNodeReader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + RESOURCE);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Map<String, String> queries = new LinkedHashMap<>();
        String name = null;
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("-- name:")) {
                if (name != null) {
                    queries.put(name, sql.toString().strip());
                }
                name = line.substring("-- name:".length()).strip();
                sql.setLength(0);
            } else if (name != null && !line.startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        if (name != null) {
            queries.put(name, sql.toString().strip());
        }
        return queries;
    }
}
