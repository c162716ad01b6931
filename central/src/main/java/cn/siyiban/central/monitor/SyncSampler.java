package cn.siyiban.central.monitor;

import cn.siyiban.central.settings.MonitorSettings;
import cn.siyiban.central.review.CaseArrivals;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.web.Component;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples every registered node's backlog, lag, last push, last pull and clock offset into
 * {@code sy_sync_sample} at a fixed period, for the node page's 7-day plot and for the figures
 * that need a window of {@code sym_incoming_batch} or every loaded batch of
 * {@code sym_outgoing_batch}, which the overview takes from the latest sample. Deletes samples
 * older than the retention.
 */
public final class SyncSampler implements Component {

    private static final Logger log = LoggerFactory.getLogger(SyncSampler.class);
    /** Samples are kept for the 7-day plot plus one day. */
    static final Duration RETENTION = Duration.ofDays(8);

    private final Database database;
    private final SyncNodeReader reader;
    private final MonitorSettings settings;
    private final CountyClock clock;
    private ScheduledExecutorService scheduler;
    private Instant previousSample;

    public SyncSampler(Database database, SyncNodeReader reader, MonitorSettings settings, CountyClock clock) {
        this.database = database;
        this.reader = reader;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "sync monitor sampler";
    }

    @Override
    public void start() {
        if (settings.samplePeriod().isZero()) {
            log.info("Sync monitor sampling is off (monitor.sample.period.seconds=0)");
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sync-sampler");
            thread.setDaemon(true);
            return thread;
        });
        long periodMillis = settings.samplePeriod().toMillis();
        scheduler.scheduleWithFixedDelay(this::sampleLogged, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    private void sampleLogged() {
        try {
            long begin = System.nanoTime();
            int nodes = sample();
            log.debug("Sampled {} nodes in {} ms", nodes, (System.nanoTime() - begin) / 1_000_000);
        } catch (RuntimeException e) {
            // The next period tries again; a failed sample only leaves a gap in the plot.
            log.error("Failed to sample the sync figures of the nodes", e);
        }
    }

    /** Takes one sample of every registered node now; returns the number of nodes sampled. */
    public synchronized int sample() {
        Instant now = clock.now().atZone(CountyClock.ZONE).toInstant();
        List<SyncNode> nodes = reader.read();
        Instant since = previousSample != null ? previousSample : now.minus(settings.offlineAfter());
        int sampled = database.inTransaction(connection -> {
            if (!SyncQueries.symmetricTablesExist(connection)) {
                return 0;
            }
            Map<String, Instant[]> received = receivedSince(connection, since);
            Map<String, Instant> loaded = lastLoaded(connection);
            LocalDateTime sampledAt = LocalDateTime.ofInstant(now, CountyClock.ZONE);
            int count = 0;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_sync_sample (point_code, "
                    + "sampled_at, outgoing_batches, outgoing_rows, incoming_batches, incoming_rows, error_batches, "
                    + "lag_seconds, last_push_at, clock_offset_seconds, last_pull_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (SyncNode node : nodes) {
                    if (node.nodeId() == null || node.registeredAt() == null) {
                        continue;
                    }
                    insert(insert, node, sampledAt, received.get(node.nodeId()), loaded.get(node.nodeId()));
                    count++;
                }
                insert.executeBatch();
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM sy_sync_sample WHERE sampled_at < ?")) {
                delete.setTimestamp(1, Timestamp.valueOf(sampledAt.minus(RETENTION)));
                delete.executeUpdate();
            }
            int stamped = CaseArrivals.stampClockOffsets(connection, sampledAt.minus(RETENTION));
            if (stamped > 0) {
                log.debug("Stamped {} case arrivals with their node's clock offset", stamped);
            }
            return count;
        });
        previousSample = now;
        return sampled;
    }

    private static void insert(PreparedStatement insert, SyncNode node, LocalDateTime sampledAt, Instant[] received,
                               Instant loaded) throws SQLException {
        LocalDateTime lastPush = node.lastPush();
        Long offset = node.clockOffsetSeconds();
        if (received != null) {
            LocalDateTime latest = SyncNodeReader.county(received[0]);
            if (latest != null && (lastPush == null || latest.isAfter(lastPush))) {
                lastPush = latest;
            }
            // The heartbeat row is stamped with the node's clock and arrives in a batch that
            // central stamps with its own. NOTE: the difference also contains the time between
            // the heartbeat and the push that carried it (routing plus push period, a few
            // seconds by default), so the estimate leans towards the node being behind.
            if (received[1] != null && node.lastHeartbeat() != null) {
                offset = Duration.between(SyncNodeReader.county(received[1]), node.lastHeartbeat()).toSeconds();
            }
        }
        long lag = node.oldestUnsent() == null ? 0
                : Math.max(0, Duration.between(node.oldestUnsent(), sampledAt).toSeconds());
        insert.setString(1, node.point());
        insert.setTimestamp(2, Timestamp.valueOf(sampledAt));
        insert.setInt(3, node.outgoingBatches());
        insert.setLong(4, node.outgoingRows());
        setNullable(insert, 5, node.incomingBatches() == null ? null : node.incomingBatches().longValue(),
                Types.INTEGER);
        setNullable(insert, 6, node.incomingRows(), Types.BIGINT);
        insert.setInt(7, node.errorBatches());
        insert.setLong(8, lag);
        insert.setTimestamp(9, lastPush == null ? null : Timestamp.valueOf(lastPush));
        setNullable(insert, 10, offset, Types.BIGINT);
        LocalDateTime lastPull = later(node.lastPull(), SyncNodeReader.county(loaded));
        insert.setTimestamp(11, lastPull == null ? null : Timestamp.valueOf(lastPull));
        insert.addBatch();
    }

    private static void setNullable(PreparedStatement statement, int index, Long value, int type)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, type);
        } else if (type == Types.INTEGER) {
            statement.setInt(index, value.intValue());
        } else {
            statement.setLong(index, value);
        }
    }

    /**
     * Returns the later of two times. The previous sample's last pull is kept when SymmetricDS
     * has since purged the node's loaded batches, so the figure does not fall back to null.
     */
    private static LocalDateTime later(LocalDateTime previous, LocalDateTime fresh) {
        if (previous == null) {
            return fresh;
        }
        return fresh != null && fresh.isAfter(previous) ? fresh : previous;
    }

    /** Returns, per node id, the latest outgoing batch the node acknowledged as loaded. */
    private static Map<String, Instant> lastLoaded(Connection connection) throws SQLException {
        Map<String, Instant> loaded = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(SyncQueries.get("outgoing_last_loaded"));
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                loaded.put(row.getString("node_id"), SyncNodeReader.instant(row.getTimestamp("last_loaded")));
            }
        }
        return loaded;
    }

    /** Returns, per node id, the latest batch received since {@code since} and the latest heartbeat batch. */
    private static Map<String, Instant[]> receivedSince(Connection connection, Instant since) throws SQLException {
        Map<String, Instant[]> received = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(SyncQueries.get("incoming_since"))) {
            select.setTimestamp(1, Timestamp.from(since));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    received.put(row.getString("node_id"), new Instant[] {
                            SyncNodeReader.instant(row.getTimestamp("last_push")),
                            SyncNodeReader.instant(row.getTimestamp("last_heartbeat_batch"))});
                }
            }
        }
        return received;
    }
}
