package cn.siyiban.central.monitor;

import cn.siyiban.central.settings.MonitorSettings;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.network.PointLevel;
import cn.siyiban.core.network.PointStore;
import cn.siyiban.core.network.ServicePoint;
import cn.siyiban.core.time.CountyClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads the sync figures of every village and township point from SymmetricDS's tables in
 * central's database, with a fixed number of set-based queries of {@code sync-nodes.sql}
 * whatever the number of nodes. Points that never registered are listed too, because an admin
 * needs to see which villages are still missing.
 */
public final class SyncNodeReader {

    private final Database database;
    private final PointStore points;
    private final MonitorSettings settings;
    private final Supplier<Instant> now;

    public SyncNodeReader(Database database, PointStore points, MonitorSettings settings) {
        this(database, points, settings, Instant::now);
    }

    SyncNodeReader(Database database, PointStore points, MonitorSettings settings, Supplier<Instant> now) {
        this.database = database;
        this.points = points;
        this.settings = settings;
        this.now = now;
    }

    private record NodeRow(String nodeId, boolean syncEnabled, String symmetricVersion, String configVersion,
                           Integer incomingBatches, Long incomingRows, Timestamp registrationTime) {
    }

    private record HostRow(String hostName, String ipAddress, Timestamp heartbeatTime, Timestamp lastRestart) {
    }

    private record Pending(int batches, long rows, Timestamp oldest, int errors) {
    }

    private record Sample(Timestamp lastPush, Timestamp lastPull, Long clockOffsetSeconds) {
    }

    /** The raw figures of one read, keyed by node id except {@code nodes} and {@code samples}. */
    private static final class Figures {
        final Map<String, NodeRow> nodes = new HashMap<>();
        final Map<String, HostRow> hosts = new HashMap<>();
        final Map<String, Pending> pending = new HashMap<>();
        final Map<String, Integer> incomingErrors = new HashMap<>();
        final Map<String, Sample> samples = new HashMap<>();
        /** Keyed by point code, like {@code samples}. */
        final Map<String, NodeReport> reports = new HashMap<>();
    }

    /** Returns one row per village and township point, in point code order. */
    public List<SyncNode> read() {
        return database.query(connection -> {
            Figures figures = new Figures();
            if (SyncQueries.symmetricTablesExist(connection)) {
                readFigures(connection, figures);
            }
            readReports(connection, figures);
            List<ServicePoint> all = points.all();
            Map<String, ServicePoint> byCode = all.stream()
                    .collect(Collectors.toMap(ServicePoint::code, Function.identity()));
            Instant at = now.get();
            List<SyncNode> rows = new ArrayList<>();
            for (ServicePoint point : all) {
                if (point.level() == PointLevel.VILLAGE || point.level() == PointLevel.TOWNSHIP) {
                    rows.add(row(point, township(point, byCode), figures, at));
                }
            }
            return rows;
        });
    }

    /** Returns the figures of one point, or null when the point runs no node. */
    public SyncNode read(String pointCode) {
        return read().stream().filter(node -> node.point().equals(pointCode)).findFirst().orElse(null);
    }

    private static ServicePoint township(ServicePoint point, Map<String, ServicePoint> byCode) {
        if (point.level() == PointLevel.TOWNSHIP) {
            return point;
        }
        ServicePoint parent = point.parentCode() == null ? null : byCode.get(point.parentCode());
        return parent == null ? point : parent;
    }

    private SyncNode row(ServicePoint point, ServicePoint township, Figures figures, Instant at) {
        String group = point.level().nodeGroup();
        NodeRow node = figures.nodes.get(point.code());
        if (node == null || node.registrationTime() == null) {
            SyncState state = SyncState.UNREGISTERED;
            return new SyncNode(point.code(), point.name(), group, township.code(), township.name(), state.code(),
                    state.label(), node == null ? null : node.nodeId(), node != null && node.syncEnabled(), null, null,
                    null, null, 0, 0, null, null, null, 0, null, null, null, null, null, null,
                    figures.reports.get(point.code()));
        }
        String id = node.nodeId();
        HostRow host = figures.hosts.get(id);
        Pending pending = figures.pending.getOrDefault(id, new Pending(0, 0, null, 0));
        int errorBatches = pending.errors() + figures.incomingErrors.getOrDefault(id, 0);
        Sample sample = figures.samples.get(point.code());
        Instant heartbeat = host == null ? null : instant(host.heartbeatTime());
        SyncState state = state(node, heartbeat, instant(pending.oldest()), errorBatches, at);
        return new SyncNode(point.code(), point.name(), group, township.code(), township.name(), state.code(),
                state.label(), id, node.syncEnabled(), county(instant(node.registrationTime())), county(heartbeat),
                sample == null ? null : localTime(sample.lastPush()), sample == null ? null : localTime(sample.lastPull()),
                pending.batches(), pending.rows(), county(instant(pending.oldest())), node.incomingBatches(),
                node.incomingRows(), errorBatches, node.symmetricVersion(), node.configVersion(),
                sample == null ? null : sample.clockOffsetSeconds(), host == null ? null : host.hostName(),
                host == null ? null : host.ipAddress(), host == null ? null : county(instant(host.lastRestart())),
                figures.reports.get(point.code()));
    }

    private SyncState state(NodeRow node, Instant heartbeat, Instant oldestUnsent, int errorBatches, Instant at) {
        if (!node.syncEnabled()) {
            return SyncState.DISABLED;
        }
        if (errorBatches > 0) {
            return SyncState.ERROR;
        }
        if (heartbeat == null || heartbeat.isBefore(at.minus(settings.offlineAfter()))) {
            return SyncState.OFFLINE;
        }
        if (oldestUnsent != null && oldestUnsent.isBefore(at.minus(settings.backlogAfter()))) {
            return SyncState.BEHIND;
        }
        return SyncState.OK;
    }

    private static void readFigures(Connection connection, Figures figures) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SyncQueries.get("nodes"));
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                int toSend = row.getInt("batch_to_send_count");
                boolean reported = !row.wasNull() && toSend >= 0;
                long rowsToSend = row.getLong("data_rows_to_send_count");
                figures.nodes.put(row.getString("external_id"), new NodeRow(row.getString("node_id"),
                        row.getInt("sync_enabled") == 1, row.getString("symmetric_version"),
                        row.getString("config_version"), reported ? toSend : null,
                        reported && rowsToSend >= 0 ? rowsToSend : null, row.getTimestamp("registration_time")));
            }
        }
        try (PreparedStatement select = connection.prepareStatement(SyncQueries.get("hosts"));
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                HostRow host = new HostRow(row.getString("host_name"), row.getString("ip_address"),
                        row.getTimestamp("heartbeat_time"), row.getTimestamp("last_restart_time"));
                // A node with several hosts reports one heartbeat per host, and the latest counts.
                figures.hosts.merge(row.getString("node_id"), host, SyncNodeReader::later);
            }
        }
        try (PreparedStatement select = connection.prepareStatement(SyncQueries.get("outgoing_pending"));
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                figures.pending.put(row.getString("node_id"), new Pending(row.getInt("batches"),
                        row.getLong("data_rows"), row.getTimestamp("oldest_time"), row.getInt("error_batches")));
            }
        }
        try (PreparedStatement select = connection.prepareStatement(SyncQueries.get("incoming_errors"));
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                figures.incomingErrors.put(row.getString("node_id"), row.getInt("error_batches"));
            }
        }
        try (PreparedStatement select = connection.prepareStatement(SyncQueries.get("latest_samples"));
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                long offset = row.getLong("clock_offset_seconds");
                boolean noOffset = row.wasNull();
                figures.samples.put(row.getString("point_code"), new Sample(row.getTimestamp("last_push_at"),
                        row.getTimestamp("last_pull_at"), noOffset ? null : offset));
            }
        }
    }

    private void readReports(Connection connection, Figures figures) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SyncQueries.get("node_status"));
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                long free = row.getLong("free_disk_bytes");
                long total = row.getLong("total_disk_bytes");
                // Compared in integers: free / total < percent / 100.
                boolean low = total > 0 && free * 100 < total * settings.diskLowPercent();
                figures.reports.put(row.getString("point_code"), new NodeReport(row.getString("siyiban_version"),
                        row.getInt("catalogue_version"), free, total, row.getLong("database_bytes"),
                        localTime(row.getTimestamp("reported_at")), total > 0 ? (int) (free * 100 / total) : 0, low));
            }
        }
    }

    private static HostRow later(HostRow a, HostRow b) {
        if (a.heartbeatTime() == null) {
            return b;
        }
        return b.heartbeatTime() != null && b.heartbeatTime().after(a.heartbeatTime()) ? b : a;
    }

    /**
     * Converts a SymmetricDS timestamp. NOTE: assumes SymmetricDS writes its timestamps in the
     * JVM's default zone, the zone in which getTimestamp reads them.
     */
    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static LocalDateTime county(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, CountyClock.ZONE);
    }

    /** Converts a timestamp of siyiban's own tables, which hold county time. */
    static LocalDateTime localTime(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime();
    }
}
