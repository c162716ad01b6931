package cn.siyiban.central.monitor;

import cn.siyiban.core.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads the drill-down of one node: its latest batches each way and its samples of the last 7 days. */
public final class NodeDetailReader {

    static final Duration HISTORY = Duration.ofDays(7);

    /** One batch; {@code direction} is {@code outgoing} (central to node) or {@code incoming}. */
    public record Batch(long batchId, String direction, String channel, String status, long rows, long bytes,
                        LocalDateTime createdAt, LocalDateTime updatedAt, String sqlState, Integer sqlCode,
                        String errorMessage, Long failedLine) {
    }

    /** One sample of the plot. */
    public record Sample(LocalDateTime sampledAt, int outgoingBatches, long outgoingRows, Integer incomingBatches,
                         Long incomingRows, int errorBatches, long lagSeconds) {
    }

    private final Database database;

    public NodeDetailReader(Database database) {
        this.database = database;
    }

    /** Returns the latest batches of the node, outgoing first, each direction newest first. */
    public List<Batch> batches(String nodeId, Instant now) {
        return batches(nodeId, null, now);
    }

    /**
     * Returns the latest batches of the node on {@code channel}, or on every channel when it is
     * null, outgoing first, each direction newest first.
     */
    public List<Batch> batches(String nodeId, String channel, Instant now) {
        String suffix = channel == null ? "" : "_of_channel";
        return database.query(connection -> {
            List<Batch> batches = new ArrayList<>();
            if (nodeId == null || !SyncQueries.symmetricTablesExist(connection)) {
                return batches;
            }
            try (PreparedStatement select = connection.prepareStatement(
                    SyncQueries.get("node_outgoing_batches" + suffix))) {
                select.setString(1, nodeId);
                if (channel != null) {
                    select.setString(2, channel);
                }
                readBatches(select, "outgoing", batches);
            }
            try (PreparedStatement select = connection.prepareStatement(
                    SyncQueries.get("node_incoming_batches" + suffix))) {
                select.setTimestamp(1, Timestamp.from(now.minus(Duration.ofDays(1))));
                select.setString(2, nodeId);
                if (channel != null) {
                    select.setString(3, channel);
                }
                readBatches(select, "incoming", batches);
            }
            return batches;
        });
    }

    /** Returns the samples of the point since seven days before {@code now} (county time), oldest first. */
    public List<Sample> samples(String point, LocalDateTime now) {
        return database.query(connection -> samples(connection, point, now.minus(HISTORY)));
    }

    private static List<Sample> samples(Connection connection, String point, LocalDateTime from)
            throws SQLException {
        List<Sample> samples = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SyncQueries.get("node_samples"))) {
            select.setString(1, point);
            select.setTimestamp(2, Timestamp.valueOf(from));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    int incomingBatches = row.getInt("incoming_batches");
                    boolean incomingNull = row.wasNull();
                    long incomingRows = row.getLong("incoming_rows");
                    samples.add(new Sample(row.getTimestamp("sampled_at").toLocalDateTime(),
                            row.getInt("outgoing_batches"), row.getLong("outgoing_rows"),
                            incomingNull ? null : incomingBatches, incomingNull ? null : incomingRows,
                            row.getInt("error_batches"), row.getLong("lag_seconds")));
                }
            }
        }
        return samples;
    }

    private static void readBatches(PreparedStatement select, String direction, List<Batch> batches)
            throws SQLException {
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                int sqlCode = row.getInt("sql_code");
                Integer code = row.wasNull() ? null : sqlCode;
                long failedLine = row.getLong("failed_line_number");
                Long line = row.wasNull() ? null : failedLine;
                batches.add(new Batch(row.getLong("batch_id"), direction, row.getString("channel_id"),
                        row.getString("status").strip(), row.getLong("data_row_count"), row.getLong("byte_count"),
                        SyncNodeReader.county(SyncNodeReader.instant(row.getTimestamp("create_time"))),
                        SyncNodeReader.county(SyncNodeReader.instant(row.getTimestamp("last_update_time"))),
                        row.getString("sql_state"), code, row.getString("sql_message"), line));
            }
        }
    }
}
