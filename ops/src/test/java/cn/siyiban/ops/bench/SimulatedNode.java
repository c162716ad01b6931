package cn.siyiban.ops.bench;

import cn.siyiban.core.calendar.CalendarStore;
import cn.siyiban.core.cases.CaseRecord;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.cases.IntakeService;
import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.SchemaMigrator;
import cn.siyiban.core.network.PointLevel;
import cn.siyiban.core.network.ServicePoint;
import cn.siyiban.core.seed.DemoAccounts;
import cn.siyiban.core.seed.ReferenceDataSeeder;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.node.Version;
import cn.siyiban.node.status.NodeStatusReporter;
import cn.siyiban.node.sync.NodeSync;
import cn.siyiban.node.sync.SyncRunCounts;
import cn.siyiban.node.sync.SyncSettings;
import cn.siyiban.sync.EngineParameters;
import cn.siyiban.sync.SyncTimings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One simulated service point node of the capacity simulator: the node's schema, reference data,
 * SymmetricDS client engine ({@link NodeSync}), status reporter and intake service, in this JVM
 * on an in-memory Derby database. It has no web server, because central never calls a node.
 */
record SimulatedNode(ServicePoint point, String jdbcUrl, Database database, NodeSync sync,
                     NodeStatusReporter status, IntakeService intake, Staff clerk) implements AutoCloseable {

    /**
     * Connections of the application's pool. The simulator takes in one case at a time per node,
     * and the delivery poller reads; SymmetricDS has its own pool.
     */
    private static final int MAX_CONNECTIONS = 2;

    /**
     * Finds the status of the outgoing batches that carry the insert of a case row. SymmetricDS
     * marks a batch OK only after central has acknowledged loading it, so OK means the case is
     * committed at central. An insert has its values in the CSV {@code row_data} and no
     * {@code pk_data}. Both are CLOBs, which Derby compares with LIKE but not with =.
     */
    private static final String CASE_BATCH_STATUS = "SELECT b.status FROM sym_data d "
            + "JOIN sym_data_event e ON e.data_id = d.data_id "
            + "JOIN sym_outgoing_batch b ON b.batch_id = e.batch_id "
            + "WHERE LOWER(d.table_name) = 'sy_case' AND d.event_type = 'I' AND d.row_data LIKE ?";

    /**
     * Creates the node's in-memory database and builds its unstarted engine. Without a template
     * the node's schema scripts and reference data run as at a node's first start. With one, the
     * database is a copy of the template, and the same calls only confirm that nothing is missing.
     *
     * @param template prepared database of the point's node group, or null to build from scratch
     * @param syncDir folder of the engine's staging files, which stay on disk
     * @param token the one-time registration token central issued for {@code point}
     */
    static SimulatedNode create(ServicePoint point, NodeTemplate template, String centralUrl, String token,
                                Path syncDir, SyncTimings timings) {
        String name = "capacity-" + point.code();
        String jdbcUrl = template != null ? template.createCopy(name) : createEmpty(name);
        // Derby makes the user name the default schema, and the node's tables are in APP.
        Database database = Database.openServer(jdbcUrl, "app", "app", MAX_CONNECTIONS);
        CountyClock clock = CountyClock.system();
        SchemaMigrator.core().migrate(database);
        ReferenceDataSeeder.seedIfEmpty(database, clock);
        SyncSettings settings = new SyncSettings(centralUrl, token, timings, EngineParameters.none());
        NodeSync sync = new NodeSync(settings, point.code(), point.level(), syncDir, jdbcUrl, database);
        NodeStatusReporter status = new NodeStatusReporter(database, point.code(), Version.current(), syncDir,
                syncDir, clock, timings.heartbeatMillis());
        IntakeService intake = new IntakeService(new CaseStore(database), new CatalogueStore(database),
                new CalendarStore(database), clock, point.code());
        Staff clerk = point.level() == PointLevel.VILLAGE ? DemoAccounts.villageClerk(point.code())
                : DemoAccounts.townshipClerk(point.code());
        return new SimulatedNode(point, jdbcUrl, database, sync, status, intake, clerk);
    }

    /**
     * Creates the empty in-memory database {@code name} before the pool opens, so the pool's login
     * timeout does not cover the creation. The node's Database.openDerby does the same for its folder.
     */
    private static String createEmpty(String name) {
        String url = "jdbc:derby:memory:" + name;
        try {
            DriverManager.getConnection(url + ";create=true").close();
        } catch (SQLException e) {
            throw new IllegalStateException("creating the in-memory database " + name + " failed", e);
        }
        return url;
    }

    /** Starts the engine, which registers in its pull job, and the status reporter. */
    void start() {
        sync.start();
        status.start();
    }

    /** Returns whether the node has registered and received central's initial load. */
    boolean ready() {
        return sync.isRegistered() && sync.initialLoadReceived();
    }

    /** Takes in form {@code index} through the node's own intake service, as a clerk's request does. */
    CaseRecord takeIn(int index) {
        return intake.takeIn(Forms.request("capacity-" + point.code(), index), clerk).record();
    }

    /** Returns whether central has acknowledged the batch that carries case {@code caseId}. */
    boolean delivered(String caseId) {
        return database.query(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(CASE_BATCH_STATUS)) {
                // Each value of row_data is in double quotes, and the id is a UUID without LIKE wildcards.
                statement.setString(1, "%\"" + caseId + "\"%");
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        if ("OK".equals(rows.getString(1))) {
                            return true;
                        }
                    }
                    return false;
                }
            }
        });
    }

    SyncRunCounts runCounts() {
        return sync.runCounts();
    }

    /** Returns the outgoing and incoming batches in error at this node. */
    long batchesInError() {
        return sync.status().batchesInError();
    }

    String pointCode() {
        return point.code();
    }

    /** Stops the engine and drops the in-memory database, which frees its memory. */
    @Override
    public void close() {
        status.stop();
        sync.stop();
        database.close();
        try (Connection ignored = DriverManager.getConnection(jdbcUrl + ";drop=true")) {
            // Derby reports a successful drop with an exception, so reaching here is unexpected.
        } catch (SQLException e) {
            // SQLState 08006 is Derby's "database dropped" outcome.
        }
    }
}
