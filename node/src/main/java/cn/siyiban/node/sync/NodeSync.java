package cn.siyiban.node.sync;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.network.PointLevel;
import cn.siyiban.core.web.Component;
import cn.siyiban.sync.EngineProperties;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.jumpmind.symmetric.ClientSymmetricEngine;
import org.jumpmind.symmetric.io.DefaultOfflineClientListener;
import org.jumpmind.symmetric.io.IOfflineClientListener;
import org.jumpmind.symmetric.model.NodeCommunication;
import org.jumpmind.symmetric.model.NodeCommunication.CommunicationType;
import org.jumpmind.symmetric.model.RemoteNodeStatus;
import org.jumpmind.symmetric.model.RemoteNodeStatuses;
import org.jumpmind.symmetric.service.IExtensionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's SymmetricDS client engine. It pushes the node's changes to central and pulls
 * central's, so the node needs no inbound port. Until the node has registered, the engine's pull
 * job retries registration with the admin's one-time token.
 */
public final class NodeSync implements Component {

    private static final Logger log = LoggerFactory.getLogger(NodeSync.class);

    private final SyncSettings settings;
    private final String point;
    private final PointLevel level;
    private final Path syncDir;
    private final String jdbcUrl;
    private final Database database;
    private final LinkState link;
    private final RegistrationState registration;
    private final RegistrationCheck registrationCheck;
    private final ClockWatch clockWatch;
    private volatile ClientSymmetricEngine engine;

    /**
     * @param syncDir folder of SymmetricDS's staging and temporary files
     * @param jdbcUrl URL of the node's database, which the engine shares with the application
     * @param database the application's pool on that database, for the status figures
     */
    public NodeSync(SyncSettings settings, String point, PointLevel level, Path syncDir, String jdbcUrl,
                    Database database) {
        this.settings = settings;
        this.point = point;
        this.level = level;
        this.syncDir = syncDir;
        this.jdbcUrl = jdbcUrl;
        this.database = database;
        String syncUrl = EngineProperties.centralSyncUrl(settings.centralUrl());
        this.link = new LinkState(syncUrl);
        this.registration = new RegistrationState(point, settings.registrationToken());
        this.registrationCheck = new RegistrationCheck(settings.centralUrl(), point, level.nodeGroup(),
                settings.registrationToken(), this::isRegistered);
        this.clockWatch = new ClockWatch(settings.centralUrl());
    }

    @Override
    public String name() {
        return "SymmetricDS client engine";
    }

    @Override
    public void start() {
        String engineName = "node-" + point;
        Properties common = EngineProperties.common(engineName, level.nodeGroup(), point,
                // Central never calls a node, but SymmetricDS requires a sync URL ending in the engine name.
                "http://127.0.0.1/no-inbound-port/" + engineName,
                EngineProperties.centralSyncUrl(settings.centralUrl()), syncDir,
                jdbcUrl, "org.apache.derby.jdbc.EmbeddedDriver", "app", "app",
                settings.timings());
        Properties properties = EngineProperties.node(common);
        settings.engineParameters().applyTo(properties);
        ClientSymmetricEngine created = new ClientSymmetricEngine(properties, false);
        keepInstalledWhenDisabled(created);
        created.getExtensionService().addExtensionPoint(link);
        created.getExtensionService().addExtensionPoint(registration);
        // start() returns once the engine is set up; registration then runs in the pull job.
        if (!created.start()) {
            throw new IllegalStateException("SymmetricDS engine " + engineName + " did not start; see the errors above");
        }
        engine = created;
        if (!created.isRegistered()) {
            registrationCheck.start();
        }
        clockWatch.start();
        log.info("SymmetricDS client engine {} started for point {}, central {}, registered: {}", engineName, point,
                settings.centralUrl(), created.isRegistered());
    }

    /**
     * Removes SymmetricDS's default offline listener, which uninstalls the engine (drops its
     * tables, triggers and unsent batches) as soon as central reports that sync is disabled for
     * this node (DefaultOfflineClientListener in symmetric-core 3.15.22). An admin disables a node
     * to stop a stolen or misbehaving mini PC for a while, and enabling it must resume sync with
     * the cases still queued here. {@link LinkState} reports the disabled sync to the clerk instead.
     */
    private static void keepInstalledWhenDisabled(ClientSymmetricEngine engine) {
        IExtensionService extensions = engine.getExtensionService();
        for (IOfflineClientListener listener : extensions.getExtensionPointList(IOfflineClientListener.class)) {
            if (listener instanceof DefaultOfflineClientListener) {
                extensions.removeExtensionPoint(listener);
            }
        }
    }

    @Override
    public void stop() {
        registrationCheck.stop();
        clockWatch.stop();
        ClientSymmetricEngine current = engine;
        if (current != null) {
            current.stop();
            engine = null;
        }
    }

    public boolean isRegistered() {
        ClientSymmetricEngine current = engine;
        return current != null && current.isRegistered();
    }

    /** Reads the sync state from the engine and SymmetricDS's own tables. */
    public SyncStatus status() {
        ClientSymmetricEngine current = engine;
        boolean registered = current != null && current.isRegistered();
        LinkState.Snapshot snapshot = link.snapshot();
        String problem = snapshot.problem();
        if (!registered) {
            problem = registrationCheck.problem() != null ? registrationCheck.problem()
                    : registration.lastFailure() != null ? "正在向县级中心注册：" + registration.lastFailure()
                    : "正在向县级中心注册";
        }
        long[] waiting = database.query(NodeSync::outgoingWaiting);
        Duration clockOffset = clockWatch.offset();
        return new SyncStatus(true, settings.centralUrl(), registered, snapshot.up(),
                LocalDateTime.ofInstant(snapshot.since(), ZoneId.systemDefault()), problem,
                lastSuccess(current, CommunicationType.PUSH), lastSuccess(current, CommunicationType.PULL),
                waiting[0], waiting[1], database.query(NodeSync::batchesInError),
                clockOffset == null ? null : clockOffset.toSeconds(),
                clockOffset == null ? null : CentralClock.problem(clockOffset));
    }

    /**
     * Returns whether SymmetricDS has created capture triggers in this database before, that is
     * whether its trigger history table exists and has rows.
     */
    public static boolean hasCaptureTriggers(Database database) {
        return database.query(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM sym_trigger_hist")) {
                return row.next() && row.getLong(1) > 0;
            } catch (SQLException e) {
                // The engine has never run here, so its tables do not exist.
                return false;
            }
        });
    }

    /**
     * Returns whether this node has received central's initial load. Central sets
     * {@code initial_load_end_time} in the node's {@code sym_node_security} row after the node
     * acknowledged the load's last batch, and SymmetricDS reads that as "data load completed"
     * ({@code NodeService.getNodeStatus}). {@code initial_load_time} is set when the load is
     * queued, and it reaches the node ahead of the load's batches.
     */
    public boolean initialLoadReceived() {
        String sql = "SELECT s.initial_load_end_time FROM sym_node_security s "
                + "JOIN sym_node_identity i ON s.node_id = i.node_id";
        return database.query(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
                return row.next() && row.getTimestamp(1) != null;
            } catch (SQLException e) {
                // The engine has not created its tables yet.
                return false;
            }
        });
    }

    /**
     * Pushes and pulls once, now, and reports what happened; never reports success unless
     * SymmetricDS did.
     */
    public SyncNowResult syncNow() {
        ClientSymmetricEngine current = engine;
        if (current == null) {
            return new SyncNowResult(false, "同步引擎未运行", null, null, 0, 0);
        }
        if (!current.isRegistered()) {
            String problem = registrationCheck.checkNow();
            return new SyncNowResult(false, problem != null ? problem : "本节点尚未完成注册，正在重试", null, null, 0, 0);
        }
        RemoteNodeStatuses pushed = current.push();
        RemoteNodeStatuses pulled = current.pull();
        String pushStatus = summary(pushed);
        String pullStatus = summary(pulled);
        boolean ok = reached(pushStatus) && reached(pullStatus);
        String message = ok
                ? "同步成功：上传" + pushed.getDataProcessedCount() + "条，下载" + pulled.getDataProcessedCount() + "条"
                : "同步未成功（上传：" + pushStatus + "，下载：" + pullStatus + "）。" + (link.snapshot().problem() == null
                        ? "" : link.snapshot().problem());
        log.info("Sync now for point {}: push {} ({} rows), pull {} ({} rows)", point, pushStatus,
                pushed.getDataProcessedCount(), pullStatus, pulled.getDataProcessedCount());
        return new SyncNowResult(ok, message, pushStatus, pullStatus, pushed.getDataProcessedCount(),
                pulled.getDataProcessedCount());
    }

    private static String summary(RemoteNodeStatuses statuses) {
        if (statuses == null || statuses.isEmpty()) {
            return RemoteNodeStatus.Status.NO_DATA.name();
        }
        for (RemoteNodeStatus status : statuses) {
            if (status.getStatus() != RemoteNodeStatus.Status.NO_DATA
                    && status.getStatus() != RemoteNodeStatus.Status.DATA_PROCESSED) {
                return status.getStatus().name();
            }
        }
        return statuses.wasDataProcessed() ? RemoteNodeStatus.Status.DATA_PROCESSED.name()
                : RemoteNodeStatus.Status.NO_DATA.name();
    }

    private static boolean reached(String status) {
        return RemoteNodeStatus.Status.NO_DATA.name().equals(status)
                || RemoteNodeStatus.Status.DATA_PROCESSED.name().equals(status);
    }

    /** Returns the push and pull runs since the engine started, or {@link SyncRunCounts#NONE} while it is stopped. */
    public SyncRunCounts runCounts() {
        ClientSymmetricEngine current = engine;
        if (current == null) {
            return SyncRunCounts.NONE;
        }
        long[] push = totals(current.getNodeCommunicationService().list(CommunicationType.PUSH));
        long[] pull = totals(current.getNodeCommunicationService().list(CommunicationType.PULL));
        return new SyncRunCounts(push[0], push[1], pull[0], pull[1]);
    }

    private static long[] totals(List<NodeCommunication> runs) {
        long[] totals = new long[2];
        for (NodeCommunication run : runs) {
            totals[0] += run.getTotalSuccessCount();
            totals[1] += run.getTotalFailCount();
        }
        return totals;
    }

    /**
     * Returns the end of the last successful run of a job. SymmetricDS keeps these figures in
     * memory (it writes them to sym_node_communication only when clustering is on), so they
     * start empty after a restart.
     */
    private static LocalDateTime lastSuccess(ClientSymmetricEngine engine, CommunicationType type) {
        if (engine == null) {
            return null;
        }
        LocalDateTime latest = null;
        List<NodeCommunication> runs = engine.getNodeCommunicationService().list(type);
        for (NodeCommunication run : runs) {
            Date start = run.getLastLockTime();
            if (start != null && run.getFailCount() == 0 && run.getLockTime() == null && run.getSuccessCount() > 0) {
                LocalDateTime end = LocalDateTime.ofInstant(start.toInstant(), ZoneId.systemDefault())
                        .plusNanos(run.getLastLockMillis() * 1_000_000);
                if (latest == null || end.isAfter(latest)) {
                    latest = end;
                }
            }
        }
        return latest;
    }

    /**
     * Counts the batches, and their rows, that central has not acknowledged. A batch still in
     * routing (status RT) is left out: SymmetricDS never sends one, and when a routing run fails,
     * it routes the rows again into a new batch. In NodeKillIT an interrupted routing run left
     * an empty RT batch, which symmetric-core 3.15.22 marks OK only at the engine's next start.
     */
    static long[] outgoingWaiting(Connection connection) throws SQLException {
        String sql = "SELECT COUNT(*), COALESCE(SUM(data_row_count), 0) FROM sym_outgoing_batch "
                + "WHERE status NOT IN ('OK', 'RT') AND channel_id <> 'heartbeat'";
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2)};
        } catch (SQLException e) {
            // The engine has not created its tables yet.
            return new long[] {0, 0};
        }
    }

    private static long batchesInError(Connection connection) {
        String sql = "SELECT (SELECT COUNT(*) FROM sym_outgoing_batch WHERE status = 'ER') "
                + "+ (SELECT COUNT(*) FROM sym_incoming_batch WHERE status = 'ER') FROM sym_node_identity";
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getLong(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }
}
