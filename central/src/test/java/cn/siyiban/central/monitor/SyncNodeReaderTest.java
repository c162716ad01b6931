package cn.siyiban.central.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.SchemaMigrator;
import cn.siyiban.core.network.PointStore;
import cn.siyiban.core.seed.ReferenceDataSeeder;
import cn.siyiban.core.time.CountyClock;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status rules of the sync status page, on a Derby database with hand-made copies of the
 * SymmetricDS tables the reader queries, so each status can be set up without a running engine.
 */
class SyncNodeReaderTest {

    private static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");

    @TempDir
    Path dir;
    private Database database;
    private SyncNodeReader reader;

    @BeforeEach
    void openDatabase() {
        database = Database.openDerby(dir.resolve("db"), 2);
        SchemaMigrator.core().migrate(database);
        ReferenceDataSeeder.seedIfEmpty(database, CountyClock.system());
        reader = new SyncNodeReader(database, new PointStore(database), () -> NOW);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    /** Creates the columns of SymmetricDS 3.15's tables that the reader's queries use. */
    private void createSymmetricTables() {
        database.inTransaction(connection -> {
            try (Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE sym_node (node_id VARCHAR(50) NOT NULL PRIMARY KEY, "
                        + "node_group_id VARCHAR(50) NOT NULL, external_id VARCHAR(255) NOT NULL, sync_enabled SMALLINT)");
                sql.execute("CREATE TABLE sym_node_security (node_id VARCHAR(50) NOT NULL PRIMARY KEY, "
                        + "registration_enabled SMALLINT, registration_time TIMESTAMP)");
                sql.execute("CREATE TABLE sym_node_host (node_id VARCHAR(50) NOT NULL, host_name VARCHAR(60) NOT NULL, "
                        + "heartbeat_time TIMESTAMP, last_restart_time TIMESTAMP NOT NULL)");
                sql.execute("CREATE TABLE sym_outgoing_batch (batch_id BIGINT NOT NULL, node_id VARCHAR(50) NOT NULL, "
                        + "status CHAR(2))");
                sql.execute("CREATE TABLE sym_incoming_batch (batch_id BIGINT NOT NULL, node_id VARCHAR(50) NOT NULL, "
                        + "status CHAR(2))");
            }
            return null;
        });
    }

    /** Records a node registered at {@code NOW} minus a day, with a heartbeat {@code heartbeatAge} ago or none. */
    private void registeredNode(String point, String group, Duration heartbeatAge) {
        database.inTransaction(connection -> {
            try (PreparedStatement node = connection.prepareStatement("INSERT INTO sym_node VALUES (?, ?, ?, 1)");
                 PreparedStatement security = connection.prepareStatement(
                         "INSERT INTO sym_node_security VALUES (?, 0, ?)");
                 PreparedStatement host = connection.prepareStatement(
                         "INSERT INTO sym_node_host VALUES (?, 'mini-pc', ?, ?)")) {
                node.setString(1, point);
                node.setString(2, group);
                node.setString(3, point);
                node.executeUpdate();
                security.setString(1, point);
                security.setTimestamp(2, Timestamp.from(NOW.minus(Duration.ofDays(1))));
                security.executeUpdate();
                if (heartbeatAge != null) {
                    host.setString(1, point);
                    host.setTimestamp(2, Timestamp.from(NOW.minus(heartbeatAge)));
                    host.setTimestamp(3, Timestamp.from(NOW.minus(Duration.ofDays(1))));
                    host.executeUpdate();
                }
            }
            return null;
        });
    }

    private void batch(String table, long id, String node, String status) {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + table + " (batch_id, node_id, status) VALUES (?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setString(2, node);
                insert.setString(3, status);
                insert.executeUpdate();
            }
            return null;
        });
    }

    private Map<String, SyncNode> byPoint() {
        List<SyncNode> rows = reader.read();
        return rows.stream().collect(Collectors.toMap(SyncNode::point, Function.identity()));
    }

    @Test
    void missingTablesMeanUnregistered() {
        List<SyncNode> rows = reader.read();

        assertEquals(252, rows.size());
        assertEquals(252, rows.stream().filter(row -> row.status().equals("unregistered")).count());
    }

    @Test
    void statusFollowsHeartbeatAndBatches() {
        createSymmetricTables();
        registeredNode("321323101001", "village", Duration.ofMinutes(5));
        registeredNode("321323101004", "village", Duration.ofHours(3));
        registeredNode("321323101005", "village", null);
        registeredNode("321323101000", "township", Duration.ofMinutes(1));
        batch("sym_outgoing_batch", 1, "321323101001", "OK");
        batch("sym_outgoing_batch", 2, "321323101001", "NE");
        batch("sym_outgoing_batch", 3, "321323101001", "IG");
        batch("sym_outgoing_batch", 4, "321323101000", "ER");
        batch("sym_incoming_batch", 5, "321323101000", "ER");
        batch("sym_incoming_batch", 6, "321323101004", "OK");

        Map<String, SyncNode> rows = byPoint();

        SyncNode ok = rows.get("321323101001");
        assertEquals("ok", ok.status());
        assertEquals("正常", ok.statusLabel());
        assertEquals(1, ok.pendingBatches());
        assertEquals(0, ok.errorBatches());
        assertEquals(LocalDateTime.of(2026, 12, 4, 9, 55), ok.lastContact());
        assertEquals("offline", rows.get("321323101004").status());
        assertEquals("offline", rows.get("321323101005").status());
        assertNull(rows.get("321323101005").lastContact());
        SyncNode error = rows.get("321323101000");
        assertEquals("error", error.status());
        assertEquals(2, error.errorBatches());
        assertEquals("township", error.group());
        assertEquals("unregistered", rows.get("321323101204").status());
        assertEquals(252, rows.size());
    }
}
