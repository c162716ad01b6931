package cn.siyiban.ops.bench;

import cn.siyiban.core.cases.CaseEventType;
import cn.siyiban.core.cases.CaseHistory;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.SchemaMigrator;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.staff.StaffStore;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.ops.it.Api;
import cn.siyiban.ops.it.Waits;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * Backlog drain: a village node takes in cases while central is down, and the time from central
 * coming back until central has the last captured row. The cases are written into the stopped
 * node's database by this JVM through the node's own {@code IntakeService} and
 * {@link CaseHistory}, which fire the same capture triggers as the node's web requests and are
 * much faster to set up. The node then starts and routes the backlog into batches before central
 * starts, as a node that has been offline for days would have. For comparison, the same rows are
 * then copied with plain JDBC batches from the node's database into an empty one.
 */
final class BacklogBenchmark {

    /** Events recorded after the intake event; a proxy case passes through these steps. */
    private static final List<CaseEventType> LATER_EVENTS = List.of(CaseEventType.ENTRUSTED,
            CaseEventType.PROXY_HANDLED, CaseEventType.ARCHIVED);
    private static final String[] TABLES = {"sy_case", "sy_case_material", "sy_case_event"};
    /** Rows per transaction of the raw copy, the channel's max_batch_size of the cases channel. */
    private static final int RAW_COMMIT_ROWS = 1_000;

    private final BenchOptions options;

    BacklogBenchmark(BenchOptions options) {
        this.options = options;
    }

    void run() throws Exception {
        int cases = options.integer("cases", 2_000);
        Path dir = options.runDirectory("backlog");
        try (BenchCluster cluster = new BenchCluster(dir, options.nodeFlags(), options.centralFlags()).start()) {
            System.out.printf("backlog: probe case reached central in %d ms%n", cluster.probe());
            cluster.central().stop();
            cluster.node().stop();

            long writeBegin = System.nanoTime();
            String lastCaseNo = writeBacklog(cluster.nodeDatabase(), cases);
            long[] rows = countRows(cluster.nodeDatabase());
            long totalRows = rows[0] + rows[1] + rows[2];
            System.out.printf("backlog: wrote %d cases, %d materials, %d events at the stopped node in %d s%n",
                    rows[0], rows[1], rows[2], (System.nanoTime() - writeBegin) / 1_000_000_000);

            long routeBegin = System.nanoTime();
            cluster.node().start();
            long routed = awaitRouted(cluster.node().baseUrl(), totalRows);
            System.out.printf("backlog: node routed %d rows into batches %d s after its start, central still down%n",
                    routed, (System.nanoTime() - routeBegin) / 1_000_000_000);

            long launched = System.nanoTime();
            cluster.central().start();
            long healthy = System.nanoTime();
            double centralCpu = ProcessCpu.seconds(cluster.central().pid());
            double nodeCpu = ProcessCpu.seconds(cluster.node().pid());
            awaitLastCase(cluster.centralUrl(), lastCaseNo);
            long done = System.nanoTime();
            centralCpu = ProcessCpu.seconds(cluster.central().pid()) - centralCpu;
            nodeCpu = ProcessCpu.seconds(cluster.node().pid()) - nodeCpu;
            cluster.node().stop();
            cluster.central().stop();

            long[] atCentral = countRows(cluster.centralDatabase());
            if (atCentral[0] != rows[0] || atCentral[1] != rows[1] || atCentral[2] != rows[2]) {
                throw new IllegalStateException(String.format("central has %d/%d/%d case/material/event rows of "
                        + "the village, the node %d/%d/%d", atCentral[0], atCentral[1], atCentral[2], rows[0],
                        rows[1], rows[2]));
            }
            double syncSeconds = (done - healthy) / 1e9;
            long self = ProcessHandle.current().pid();
            double rawCpu = ProcessCpu.seconds(self);
            double rawSeconds = rawCopy(cluster.nodeDatabase(), dir.resolve("raw-copy"));
            rawCpu = ProcessCpu.seconds(self) - rawCpu;
            System.out.printf("backlog: CPU during the drain: central %.1f s, node %.1f s; during the raw copy "
                    + "%.1f s%n", centralCpu, nodeCpu, rawCpu);
            System.out.printf("backlog: RESULT %d rows (%d cases): at central %.1f s after central answered /health "
                            + "(%.1f s after its launch), %.0f rows/s; raw JDBC copy %.1f s, %.0f rows/s; "
                            + "throughput ratio sync/raw %.2f; targets <= 60 s for 10,000 cases, ratio >= 0.3%n",
                    totalRows, rows[0], syncSeconds, (done - launched) / 1e9, totalRows / syncSeconds, rawSeconds,
                    totalRows / rawSeconds, rawSeconds / syncSeconds);
        }
    }

    /** Takes in {@code cases} cases with their later events; returns the case number of the last one. */
    private static String writeBacklog(Path nodeDatabase, int cases) {
        try (Database database = Database.openDerby(nodeDatabase, 4)) {
            Staff clerk = new StaffStore(database).findByUsername("clerk")
                    .orElseThrow(() -> new IllegalStateException("no demo clerk at the node"));
            CaseStore store = new CaseStore(database);
            String last = null;
            for (int i = 0; i < cases; i++) {
                // A long backlog spreads over the days before today, as a node offline for days has it.
                CountyClock clock = LocalIntake.clockFor(i);
                last = LocalIntake.service(database, clock).takeIn(Forms.request("backlog", i), clerk).record().caseNo();
                CaseHistory history = new CaseHistory(store, clock, BenchCluster.VILLAGE);
                for (CaseEventType type : LATER_EVENTS) {
                    history.append(last, type, clerk.username(), "{}");
                }
            }
            return last;
        }
    }

    /** Waits until the node's unsent batches contain at least {@code rows} rows and stop growing. */
    private static long awaitRouted(String nodeUrl, long rows) {
        Api clerk = Api.login(nodeUrl, "clerk", BenchCluster.PASSWORD);
        long[] previous = {-1};
        JsonNode state = Waits.until(BenchCluster.TIMEOUT, () -> clerk.get("/api/sync").json(), sync -> {
            long waiting = sync.path("rowsWaiting").asLong();
            boolean stable = waiting >= rows && waiting == previous[0];
            previous[0] = waiting;
            return stable;
        });
        return state.path("rowsWaiting").asLong();
    }

    /** Waits until central returns the last case with all its events, which come last in capture order. */
    private static void awaitLastCase(String centralUrl, String caseNo) {
        Api admin = Api.login(centralUrl, "admin", BenchCluster.PASSWORD);
        int events = LATER_EVENTS.size() + 1;
        JsonNode last = Waits.until(BenchCluster.TIMEOUT, () -> admin.get("/api/cases/" + caseNo).json(),
                detail -> detail.path("events").size() == events);
        if (last.path("events").size() != events) {
            throw new IllegalStateException("central did not get case " + caseNo + " within " + BenchCluster.TIMEOUT);
        }
    }

    /** Returns the village's case, material and event row counts in a stopped server's database. */
    private static long[] countRows(Path databaseDir) {
        try (Database database = Database.openDerby(databaseDir, 2)) {
            return database.query(connection -> {
                long[] counts = new long[TABLES.length];
                for (int i = 0; i < TABLES.length; i++) {
                    try (PreparedStatement count = connection.prepareStatement(
                            "SELECT COUNT(*) FROM " + TABLES[i] + " WHERE origin_point = ?")) {
                        count.setString(1, BenchCluster.VILLAGE);
                        try (ResultSet row = count.executeQuery()) {
                            row.next();
                            counts[i] = row.getLong(1);
                        }
                    }
                }
                return counts;
            });
        }
    }

    /**
     * Copies the village's case rows from the node's database into a new database with the same
     * schema, in JDBC batches committed every {@link #RAW_COMMIT_ROWS} rows; returns the seconds.
     */
    private static double rawCopy(Path nodeDatabase, Path targetDir) {
        try (Database source = Database.openDerby(nodeDatabase, 2);
             Database target = Database.openDerby(targetDir, 2)) {
            SchemaMigrator.core().migrate(target);
            long begin = System.nanoTime();
            for (String table : TABLES) {
                source.query(read -> target.inTransaction(write -> copyTable(read, write, table)));
            }
            return (System.nanoTime() - begin) / 1e9;
        }
    }

    private static long copyTable(Connection read, Connection write, String table) throws SQLException {
        long copied = 0;
        try (PreparedStatement select = read.prepareStatement("SELECT * FROM " + table + " WHERE origin_point = ?")) {
            select.setString(1, BenchCluster.VILLAGE);
            try (ResultSet rows = select.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                int columns = meta.getColumnCount();
                StringBuilder names = new StringBuilder();
                StringBuilder marks = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    names.append(c > 1 ? ", " : "").append(meta.getColumnName(c));
                    marks.append(c > 1 ? ", ?" : "?");
                }
                try (PreparedStatement insert = write.prepareStatement(
                        "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")")) {
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            insert.setObject(c, rows.getObject(c));
                        }
                        insert.addBatch();
                        if (++copied % RAW_COMMIT_ROWS == 0) {
                            insert.executeBatch();
                            write.commit();
                        }
                    }
                    insert.executeBatch();
                }
            }
        }
        return copied;
    }
}
