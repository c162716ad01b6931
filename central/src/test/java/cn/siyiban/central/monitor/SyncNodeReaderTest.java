package cn.siyiban.central.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.siyiban.central.settings.MonitorSettings;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.SchemaMigrator;
import cn.siyiban.core.network.PointStore;
import cn.siyiban.core.seed.ReferenceDataSeeder;
import cn.siyiban.core.time.CountyClock;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
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
        new SchemaMigrator("/cn/siyiban/central/schema/", "sy_central_schema_version").migrate(database);
        ReferenceDataSeeder.seedIfEmpty(database, CountyClock.system());
        reader = new SyncNodeReader(database, new PointStore(database), MonitorSettings.defaults(), () -> NOW);
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
                        + "node_group_id VARCHAR(50) NOT NULL, external_id VARCHAR(255) NOT NULL, sync_enabled SMALLINT, "
                        + "symmetric_version VARCHAR(50), config_version VARCHAR(50), batch_to_send_count INTEGER, "
                        + "data_rows_to_send_count INTEGER)");
                sql.execute("CREATE TABLE sym_node_security (node_id VARCHAR(50) NOT NULL PRIMARY KEY, "
                        + "registration_enabled SMALLINT, registration_time TIMESTAMP, initial_load_time TIMESTAMP)");
                sql.execute("CREATE TABLE sym_node_host (node_id VARCHAR(50) NOT NULL, host_name VARCHAR(60) NOT NULL, "
                        + "ip_address VARCHAR(50), symmetric_version VARCHAR(50), heartbeat_time TIMESTAMP, "
                        + "last_restart_time TIMESTAMP NOT NULL)");
                String batchColumns = "(batch_id BIGINT NOT NULL, node_id VARCHAR(50) NOT NULL, channel_id VARCHAR(128), "
                        + "status CHAR(2), error_flag SMALLINT DEFAULT 0, data_row_count INTEGER DEFAULT 0, "
                        + "create_time TIMESTAMP, last_update_time TIMESTAMP)";
                sql.execute("CREATE TABLE sym_outgoing_batch " + batchColumns);
                // SymmetricDS's own index, which the outgoing_pending query names in a Derby hint.
                sql.execute("CREATE INDEX sym_idx_ob_status ON sym_outgoing_batch (status)");
                sql.execute("CREATE TABLE sym_incoming_batch " + batchColumns);
            }
            return null;
        });
    }

    /** Records a node registered at {@code NOW} minus a day, with a heartbeat {@code heartbeatAge} ago or none. */
    private void registeredNode(String point, String group, Duration heartbeatAge) {
        database.inTransaction(connection -> {
            try (PreparedStatement node = connection.prepareStatement(
                         "INSERT INTO sym_node VALUES (?, ?, ?, 1, '3.15.22', NULL, 0, 0)");
                 PreparedStatement security = connection.prepareStatement(
                         "INSERT INTO sym_node_security VALUES (?, 0, ?, NULL)");
                 PreparedStatement host = connection.prepareStatement(
                         "INSERT INTO sym_node_host VALUES (?, 'mini-pc', '10.0.0.2', '3.15.22', ?, ?)")) {
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
        batch(table, id, node, status, Duration.ofMinutes(1));
    }

    /** Records a batch of 3 rows created {@code age} before {@code NOW}. */
    private void batch(String table, long id, String node, String status, Duration age) {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                    + " (batch_id, node_id, channel_id, status, error_flag, data_row_count, create_time, "
                    + "last_update_time) VALUES (?, ?, 'reference', ?, ?, 3, ?, ?)")) {
                insert.setLong(1, id);
                insert.setString(2, node);
                insert.setString(3, status);
                insert.setInt(4, status.equals("ER") ? 1 : 0);
                insert.setTimestamp(5, Timestamp.from(NOW.minus(age)));
                insert.setTimestamp(6, Timestamp.from(NOW.minus(age)));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** Takes a sample at {@code NOW}, as the sampler does once per period. */
    private void sample() {
        new SyncSampler(database, reader, MonitorSettings.defaults(), new CountyClock(Clock.fixed(NOW, CountyClock.ZONE)))
                .sample();
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
        sample();

        Map<String, SyncNode> rows = byPoint();

        SyncNode ok = rows.get("321323101001");
        assertEquals("ok", ok.status());
        assertEquals("正常", ok.statusLabel());
        assertEquals(1, ok.outgoingBatches());
        assertEquals(3, ok.outgoingRows());
        assertEquals(0, ok.errorBatches());
        assertEquals(LocalDateTime.of(2026, 12, 4, 9, 55), ok.lastHeartbeat());
        assertEquals(LocalDateTime.of(2026, 12, 4, 9, 59), ok.lastPull());
        assertEquals("10.0.0.2", ok.ipAddress());
        assertEquals("321323101000", ok.township());
        assertEquals("offline", rows.get("321323101004").status());
        assertEquals("offline", rows.get("321323101005").status());
        assertNull(rows.get("321323101005").lastHeartbeat());
        SyncNode error = rows.get("321323101000");
        assertEquals("error", error.status());
        assertEquals(2, error.errorBatches());
        assertEquals("township", error.group());
        assertEquals("unregistered", rows.get("321323101204").status());
        assertEquals(252, rows.size());
    }

    @Test
    void oldBacklogMeansBehind() {
        createSymmetricTables();
        registeredNode("321323101001", "village", Duration.ofMinutes(1));
        batch("sym_outgoing_batch", 1, "321323101001", "NE", Duration.ofMinutes(31));

        SyncNode behind = byPoint().get("321323101001");

        assertEquals("behind", behind.status());
        assertEquals("滞后", behind.statusLabel());
        assertEquals(LocalDateTime.of(2026, 12, 4, 9, 29), behind.oldestUnsent());
    }

    @Test
    void disabledNodeIsShownAsDisabled() {
        createSymmetricTables();
        registeredNode("321323101001", "village", Duration.ofMinutes(1));
        database.inTransaction(connection -> {
            try (Statement sql = connection.createStatement()) {
                sql.executeUpdate("UPDATE sym_node SET sync_enabled = 0");
            }
            return null;
        });

        SyncNode disabled = byPoint().get("321323101001");

        assertEquals("disabled", disabled.status());
        assertEquals("已停用", disabled.statusLabel());
    }

    @Test
    void lastPullComesFromLatestSample() {
        createSymmetricTables();
        registeredNode("321323101001", "village", Duration.ofMinutes(1));
        batch("sym_outgoing_batch", 1, "321323101001", "OK", Duration.ofMinutes(10));

        assertNull(byPoint().get("321323101001").lastPull());

        sample();

        assertEquals(LocalDateTime.of(2026, 12, 4, 9, 50), byPoint().get("321323101001").lastPull());
    }

    @Test
    void lastPullSurvivesPurgedBatches() {
        createSymmetricTables();
        registeredNode("321323101001", "village", Duration.ofMinutes(1));
        batch("sym_outgoing_batch", 1, "321323101001", "OK", Duration.ofMinutes(10));
        sample();
        database.inTransaction(connection -> {
            try (Statement sql = connection.createStatement()) {
                sql.executeUpdate("DELETE FROM sym_outgoing_batch");
            }
            return null;
        });
        // A later sample: the sampler keys samples by time, so the clock moves on a minute.
        new SyncSampler(database, reader, MonitorSettings.defaults(),
                new CountyClock(Clock.fixed(NOW.plusSeconds(60), CountyClock.ZONE))).sample();

        assertEquals(LocalDateTime.of(2026, 12, 4, 9, 50), byPoint().get("321323101001").lastPull());
    }
}
