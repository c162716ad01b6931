package cn.siyiban.ops.bench;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.SchemaMigrator;
import cn.siyiban.core.network.PointLevel;
import cn.siyiban.core.seed.ReferenceDataSeeder;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.sync.EngineProperties;
import cn.siyiban.sync.SyncTimings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.jumpmind.symmetric.ClientSymmetricEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A prepared, unregistered node database of one node group, from which the capacity simulator
 * creates each node's in-memory database with Derby's {@code createFrom} URL attribute. It contains
 * the node's schema, reference data and SymmetricDS's tables. Creating them for every node cost
 * about 2 s more CPU per node than copying the Derby backup, on a shared 2-core machine.
 *
 * <p>It contains no capture triggers. SymmetricDS 3.15.22 installs them only at a node with an
 * identity whose initial load has ended, and an engine without an identity drops the triggers it
 * finds when it starts ({@code TriggerRouterService.syncTriggers}). Each node therefore installs
 * them after registration from the configuration central sends, as a real node does.
 */
final class NodeTemplate {

    private static final Logger log = LoggerFactory.getLogger(NodeTemplate.class);

    private final Path backup;

    private NodeTemplate(Path backup) {
        this.backup = backup;
    }

    /**
     * Prepares the template of {@code level}'s node group in memory, backs it up into
     * {@code folder} and drops the in-memory original.
     *
     * @param centralUrl central's base URL, the registration URL of the template's engine, which
     *     never calls it
     */
    static NodeTemplate prepare(PointLevel level, String centralUrl, Path folder, SyncTimings timings) {
        long begin = System.nanoTime();
        String group = level.nodeGroup();
        String name = "capacity-template-" + group;
        String url = "jdbc:derby:memory:" + name;
        try {
            DriverManager.getConnection(url + ";create=true").close();
        } catch (SQLException e) {
            throw new IllegalStateException("creating the in-memory template database " + name + " failed", e);
        }
        Database database = Database.openServer(url, "app", "app", 2);
        try {
            SchemaMigrator.core().migrate(database);
            ReferenceDataSeeder.seedIfEmpty(database, CountyClock.system());
            installSymmetricDs(group, url, centralUrl, folder.resolve("engine-" + group), timings);
            database.query(connection -> {
                backUp(connection, folder);
                return null;
            });
        } finally {
            database.close();
        }
        drop(url);
        Path backup = folder.resolve(name);
        if (!Files.isDirectory(backup)) {
            throw new IllegalStateException("Derby's backup of " + name + " is not in " + backup);
        }
        log.info("Prepared the {} node template in {} ms, backup {}", group, (System.nanoTime() - begin) / 1_000_000,
                backup);
        return new NodeTemplate(backup);
    }

    /** Creates SymmetricDS's tables without a node identity, so each copy's engine starts unregistered. */
    private static void installSymmetricDs(String group, String url, String centralUrl, Path engineDir,
                                           SyncTimings timings) {
        String engineName = "template-" + group;
        Properties properties = EngineProperties.node(EngineProperties.common(engineName, group, engineName,
                "http://127.0.0.1/no-inbound-port/" + engineName, EngineProperties.centralSyncUrl(centralUrl),
                engineDir, url, "org.apache.derby.jdbc.EmbeddedDriver", "app", "app", timings));
        ClientSymmetricEngine engine = new ClientSymmetricEngine(properties, false);
        try {
            // Creates SymmetricDS's tables and functions. An engine without a node identity
            // installs no capture trigger, and it drops any it finds at its start, so the triggers
            // come after registration, as at a real node.
            engine.setup();
        } finally {
            engine.destroy();
        }
    }

    /** Writes Derby's online backup of the connected database into a folder named like the database. */
    private static void backUp(Connection connection, Path folder) throws SQLException {
        try (CallableStatement backup = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
            backup.setString(1, folder.toAbsolutePath().toString());
            backup.execute();
        }
    }

    private static void drop(String url) {
        try (Connection ignored = DriverManager.getConnection(url + ";drop=true")) {
            // Derby reports a successful drop with an exception, so reaching here is unexpected.
        } catch (SQLException e) {
            // SQLState 08006 is Derby's "database dropped" outcome.
        }
    }

    /**
     * Creates the in-memory database {@code name} as a copy of this template and returns its
     * plain URL, without the {@code createFrom} attribute, for the pools that connect later.
     */
    String createCopy(String name) {
        String url = "jdbc:derby:memory:" + name;
        try {
            DriverManager.getConnection(url + ";createFrom=" + backup.toAbsolutePath()).close();
        } catch (SQLException e) {
            throw new IllegalStateException("creating " + name + " from the template " + backup + " failed", e);
        }
        return url;
    }
}
