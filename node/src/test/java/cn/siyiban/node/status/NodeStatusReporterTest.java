package cn.siyiban.node.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.SchemaMigrator;
import cn.siyiban.core.seed.ReferenceDataSeeder;
import cn.siyiban.core.time.CountyClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node status row on a real Derby database: its figures, and one row per point however often it is written. */
class NodeStatusReporterTest {

    private static final String POINT = "321323101001";

    @TempDir
    Path dir;
    private Database database;
    private NodeStatusReporter reporter;

    @BeforeEach
    void openDatabase() {
        database = Database.openDerby(dir.resolve("db"), 2);
        SchemaMigrator.core().migrate(database);
        ReferenceDataSeeder.seedIfEmpty(database, CountyClock.system());
        reporter = new NodeStatusReporter(database, POINT, "1.2.3", dir, dir.resolve("db"), CountyClock.system(),
                60_000);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void readReportsDiskDatabaseAndVersions() {
        NodeStatus status = reporter.read();

        assertEquals(POINT, status.pointCode());
        assertEquals("1.2.3", status.siyibanVersion());
        assertTrue(status.catalogueVersion() >= 1, "seeded catalogue version " + status.catalogueVersion());
        assertTrue(status.freeDiskBytes() > 0, "free " + status.freeDiskBytes());
        assertTrue(status.totalDiskBytes() >= status.freeDiskBytes(), "total " + status.totalDiskBytes());
        assertTrue(status.databaseBytes() > 100_000, "database " + status.databaseBytes());
    }

    @Test
    void writeKeepsOneRowPerPoint() {
        reporter.write(new NodeStatus(POINT, "1.2.3", 1, 500, 1000, 300, LocalDateTime.of(2026, 12, 4, 9, 0)));
        reporter.write(new NodeStatus(POINT, "1.2.4", 2, 400, 1000, 350, LocalDateTime.of(2026, 12, 4, 9, 1)));

        database.query(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*), MAX(siyiban_version), MAX(catalogue_version), MAX(free_disk_bytes) "
                            + "FROM sy_node_status WHERE point_code = ?")) {
                select.setString(1, POINT);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    assertEquals(1, row.getInt(1));
                    assertEquals("1.2.4", row.getString(2));
                    assertEquals(2, row.getInt(3));
                    assertEquals(400, row.getLong(4));
                }
            }
            return null;
        });
    }

    @Test
    void folderSizeCountsNestedFiles() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("sizes/inner"));
        Files.write(folder.resolve("a.bin"), new byte[1000]);
        Files.write(dir.resolve("sizes/b.bin"), new byte[234]);

        assertEquals(1234, NodeStatusReporter.folderSize(dir.resolve("sizes")));
        assertEquals(0, NodeStatusReporter.folderSize(dir.resolve("missing")));
    }
}
