package cn.siyiban.node.status;

import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.Rows;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.web.Component;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the node's own row of {@code sy_node_status} at start and then once per period. A
 * SymmetricDS trigger captures each write and the push job sends it to central, so central's
 * monitor learns the node's free disk, database size and versions without calling the node.
 */
public final class NodeStatusReporter implements Component {

    private static final Logger log = LoggerFactory.getLogger(NodeStatusReporter.class);

    private final Database database;
    private final String pointCode;
    private final String version;
    private final Path dataDir;
    private final Path databaseDir;
    private final CountyClock clock;
    private final long periodMillis;
    private ScheduledExecutorService executor;
    private int failuresLogged;

    /**
     * @param dataDir the node's data folder, whose file system's free space is reported
     * @param databaseDir the Derby database folder, whose size is reported
     * @param periodMillis time between two reports, in milliseconds; the node uses its heartbeat period
     */
    public NodeStatusReporter(Database database, String pointCode, String version, Path dataDir, Path databaseDir,
                              CountyClock clock, long periodMillis) {
        this.database = database;
        this.pointCode = pointCode;
        this.version = version;
        this.dataDir = dataDir;
        this.databaseDir = databaseDir;
        this.clock = clock;
        this.periodMillis = periodMillis;
    }

    @Override
    public String name() {
        return "node status reporter";
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "node-status");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::reportOnce, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    private void reportOnce() {
        try {
            write(read());
            failuresLogged = 0;
        } catch (RuntimeException e) {
            // The next period tries again. Log the first few failures of a run only, because a
            // full disk would otherwise fill the log once a minute.
            if (failuresLogged < 3) {
                failuresLogged++;
                log.error("Failed to record the status of node {}: {}", pointCode, e.toString(), e);
            }
        }
    }

    /** Reads the current figures. */
    public NodeStatus read() {
        try {
            FileStore store = Files.getFileStore(dataDir);
            int catalogueVersion = database.query(CatalogueStore::currentVersionOf);
            return new NodeStatus(pointCode, version, catalogueVersion, store.getUsableSpace(), store.getTotalSpace(),
                    folderSize(databaseDir), clock.now());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the disk figures of " + dataDir, e);
        }
    }

    /** Updates the node's row, or inserts it the first time. */
    public void write(NodeStatus status) {
        database.inTransaction(connection -> {
            if (update(connection, status) == 0) {
                insert(connection, status);
            }
            return null;
        });
    }

    private static int update(Connection connection, NodeStatus status) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE sy_node_status SET siyiban_version = ?, "
                + "catalogue_version = ?, free_disk_bytes = ?, total_disk_bytes = ?, database_bytes = ?, "
                + "reported_at = ? WHERE point_code = ?")) {
            update.setString(1, status.siyibanVersion());
            update.setInt(2, status.catalogueVersion());
            update.setLong(3, status.freeDiskBytes());
            update.setLong(4, status.totalDiskBytes());
            update.setLong(5, status.databaseBytes());
            Rows.setTime(update, 6, status.reportedAt());
            update.setString(7, status.pointCode());
            return update.executeUpdate();
        }
    }

    private static void insert(Connection connection, NodeStatus status) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_node_status (point_code, "
                + "siyiban_version, catalogue_version, free_disk_bytes, total_disk_bytes, database_bytes, reported_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, status.pointCode());
            insert.setString(2, status.siyibanVersion());
            insert.setInt(3, status.catalogueVersion());
            insert.setLong(4, status.freeDiskBytes());
            insert.setLong(5, status.totalDiskBytes());
            insert.setLong(6, status.databaseBytes());
            Rows.setTime(insert, 7, status.reportedAt());
            insert.executeUpdate();
        }
    }

    /** Sums the sizes of the regular files under {@code folder}; files that vanish meanwhile count as 0. */
    static long folderSize(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        long[] total = {0};
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    total[0] += attributes.size();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // Derby deletes log and temporary files while the walk runs.
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }
}
