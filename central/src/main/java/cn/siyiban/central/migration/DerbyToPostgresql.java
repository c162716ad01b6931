package cn.siyiban.central.migration;

import cn.siyiban.central.CentralApp;
import cn.siyiban.central.settings.CentralSettings;
import cn.siyiban.central.settings.DatabaseSettings;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.DatabaseException;
import cn.siyiban.sync.SyncConfigScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jumpmind.symmetric.ClientSymmetricEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a stopped central from its embedded Derby database ({@code <data>/db}) to the empty
 * PostgreSQL database named by {@code db.url}, with every row of siyiban's tables and of
 * SymmetricDS's {@code sym_} tables. The nodes' identities, passwords, batches and captured data
 * move with them, so registered nodes keep syncing with the migrated central as before.
 *
 * <p>The target gets its tables the way a central starting on PostgreSQL creates them: siyiban's
 * schema scripts for PostgreSQL and SymmetricDS's own setup. Then the rows those steps inserted
 * are deleted and the Derby rows copied in one PostgreSQL transaction, so a failed copy leaves no
 * half-migrated central. The schema version tables are compared, not copied, because each
 * database records the scripts of its own dialect. SymmetricDS's capture triggers are not copied
 * either: the migrated central's engine finds them missing at its first start and creates them
 * ({@code auto.sync.triggers.at.startup}). The Derby database is only read, and stays as it was.
 */
public final class DerbyToPostgresql {

    private static final Logger log = LoggerFactory.getLogger(DerbyToPostgresql.class);

    /** The schema of central's Derby database, where siyiban's and SymmetricDS's tables live. */
    static final String DERBY_SCHEMA = "APP";
    static final List<String> VERSION_TABLES = List.of("sy_schema_version", "sy_central_schema_version",
            SyncConfigScripts.VERSION_TABLE);

    private final CentralSettings settings;
    private final Consumer<String> progress;

    /**
     * @param settings central's settings: {@code data.dir} names the Derby database, {@code db.url}
     *                 the PostgreSQL target
     * @param progress receives a Chinese line for the admin at each step
     */
    public DerbyToPostgresql(CentralSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * Runs the migration; returns the number of rows copied per table, in copy order.
     *
     * @throws MigrationRejected when a precondition does not hold; nothing was copied then
     */
    public Map<String, Long> run() {
        DatabaseSettings db = settings.database();
        if (db.isEmbedded()) {
            throw MigrationRejected.usage("设置中没有 db.url：请先在县级中心的设置文件中填写 PostgreSQL 的 db.url 和 db.user，"
                    + "密码用 db.password 或环境变量 SIYIBAN_DB_PASSWORD，再运行迁移");
        }
        Path derbyDir = settings.databaseDir().toAbsolutePath();
        if (!Files.isRegularFile(derbyDir.resolve("service.properties"))) {
            throw MigrationRejected.usage("在 " + derbyDir + " 找不到县级中心的 Derby 数据库："
                    + "请用 --config 指定县级中心原来的设置文件，其中 data.dir 应为原来的数据文件夹");
        }
        progress.accept("打开 Derby 数据库 " + derbyDir);
        try (Connection source = openDerby(derbyDir);
             Database target = Database.openServer(db.url(), db.user(), db.password(), 2)) {
            rejectIfTargetHasCases(target);
            progress.accept("在 PostgreSQL 中建立县级中心和 SymmetricDS 的表");
            createTables(target);
            compareVersions(source, target);
            Map<String, Long> rows = target.inTransaction(connection -> copyAll(source, connection));
            log.info("Migrated central from Derby {} to PostgreSQL {}: {} tables, {} rows", derbyDir, db.url(),
                    rows.size(), rows.values().stream().mapToLong(Long::longValue).sum());
            return rows;
        } catch (SQLException | DatabaseException e) {
            throw MigrationRejected.failed("迁移失败，PostgreSQL 中没有留下复制了一半的数据，Derby 数据库未改动：" + e.getMessage());
        } finally {
            shutdownDerby(derbyDir);
        }
    }

    /**
     * Opens the existing Derby database without creating one. Derby lets one JVM boot a database
     * at a time, so a central still running makes this fail with SQL state XSDB6.
     */
    private static Connection openDerby(Path folder) {
        try {
            Connection connection = DriverManager.getConnection("jdbc:derby:" + folder);
            connection.setReadOnly(true);
            return connection;
        } catch (SQLException e) {
            if (hasState(e, "XSDB6")) {
                throw MigrationRejected.usage("Derby 数据库正被县级中心使用：请先停止县级中心"
                        + "（systemctl stop siyiban-central），再运行迁移");
            }
            throw MigrationRejected.failed("无法打开 Derby 数据库 " + folder + "：" + e.getMessage());
        }
    }

    private static boolean hasState(SQLException error, String state) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (state.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void shutdownDerby(Path folder) {
        try {
            DriverManager.getConnection("jdbc:derby:" + folder + ";shutdown=true").close();
        } catch (SQLException e) {
            // Derby reports a clean shutdown as SQL state 08006; anything else means it was not booted.
            if (!"08006".equals(e.getSQLState())) {
                log.debug("Derby database {} was not shut down: {}", folder, e.getMessage());
            }
        }
    }

    /**
     * Rejects a target that already contains cases, because the copy would delete them. A target
     * where a central only started once, or where an earlier migration failed, contains tables and
     * seed rows but no case, and is migrated again.
     */
    private static void rejectIfTargetHasCases(Database target) {
        long cases = target.query(connection -> {
            if (!tableNames(connection).contains("sy_case")) {
                return 0L;
            }
            try (Statement count = connection.createStatement();
                 ResultSet row = count.executeQuery("SELECT COUNT(*) FROM sy_case")) {
                row.next();
                return row.getLong(1);
            }
        });
        if (cases > 0) {
            throw MigrationRejected.usage("目标 PostgreSQL 数据库中已有 " + cases + " 件办件。"
                    + "为免覆盖数据，迁移只写入空的数据库：请新建一个空数据库，或确认该库已迁移过");
        }
    }

    private void createTables(Database target) {
        CentralApp.applySchemas(target);
        ClientSymmetricEngine engine = new ClientSymmetricEngine(target.dataSource(),
                CentralApp.engineProperties(settings), false);
        try {
            engine.setup();
        } finally {
            engine.destroy();
        }
        SyncConfigScripts.migrator().migrate(target);
    }

    /** Stops unless both databases applied the same scripts, that is, ran the same release. */
    private static void compareVersions(Connection source, Database target) throws SQLException {
        for (String table : VERSION_TABLES) {
            Set<String> derby = scriptNames(source, DERBY_SCHEMA + "." + table);
            Set<String> postgresql = target.query(connection -> scriptNames(connection, table));
            if (!derby.equals(postgresql)) {
                Set<String> missing = new TreeSet<>(postgresql);
                missing.removeAll(derby);
                throw MigrationRejected.usage("Derby 数据库与本程序的版本不同（" + table + " 缺少 " + missing + "）："
                        + "请先用本版本启动一次原来的县级中心，待其升级数据库后停止，再运行迁移");
            }
        }
    }

    private static Set<String> scriptNames(Connection connection, String table) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Statement select = connection.createStatement();
             ResultSet row = select.executeQuery("SELECT script FROM " + table)) {
            while (row.next()) {
                names.add(row.getString(1));
            }
        }
        return names;
    }

    private Map<String, Long> copyAll(Connection source, Connection target) throws SQLException {
        String schema = currentSchema(target);
        List<String> order = TableOrder.of(target.getMetaData(), schema, copiedTables(target));
        Map<String, TableCopy> copies = new LinkedHashMap<>();
        for (String table : order) {
            copies.put(table, TableCopy.plan(source, DERBY_SCHEMA, target, schema, table));
        }

        // Children go first, so that no foreign key check fails.
        for (int i = order.size() - 1; i >= 0; i--) {
            try (Statement delete = target.createStatement()) {
                delete.executeUpdate("DELETE FROM " + TableCopy.quoted(order.get(i)));
            }
        }

        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : order) {
            rows.put(table, copyChecked(source, target, table, copies.get(table)));
            progress.accept("已复制 " + table + "：" + rows.get(table) + " 行");
        }

        forgetOwnHost(target);
        SequenceReset.afterCopy(target, schema, progress);
        return rows;
    }

    /** Returns siyiban's and SymmetricDS's tables in the target, without the schema version tables. */
    private static Set<String> copiedTables(Connection target) throws SQLException {
        Set<String> tables = new HashSet<>();
        for (String table : tableNames(target)) {
            if ((table.startsWith("sy_") || table.startsWith("sym_")) && !VERSION_TABLES.contains(table)) {
                tables.add(table);
            }
        }
        return tables;
    }

    /** Copies one table and checks that the target has as many rows as Derby; returns that count. */
    private static long copyChecked(Connection source, Connection target, String table, TableCopy copy)
            throws SQLException {
        // siyiban's own triggers (sy_case's arrival record, for one) would add rows that the
        // copy brings anyway. The table's owner may switch them off without being a superuser.
        alterTriggers(target, table, "DISABLE");
        long copied = copy.copy(source, DERBY_SCHEMA, target);
        alterTriggers(target, table, "ENABLE");

        long expected = count(source, DERBY_SCHEMA + "." + table);
        long stored = count(target, TableCopy.quoted(table));
        if (copied != expected || stored != expected) {
            throw new SQLException("row count of " + table + " differs after the copy: " + expected + " in Derby, "
                    + copied + " copied, " + stored + " in PostgreSQL");
        }
        return copied;
    }

    /**
     * Deletes central's own rows of {@code sym_node_host}. SymmetricDS 3.15.22 stops at start when
     * that table names another instance id for its node, which a central migrated to another folder
     * or machine would find. The engine writes its row again at its first heartbeat. The nodes' rows
     * stay, because each is the latest heartbeat that node sent.
     */
    private static void forgetOwnHost(Connection target) throws SQLException {
        try (Statement delete = target.createStatement()) {
            delete.executeUpdate("DELETE FROM sym_node_host WHERE node_id IN (SELECT node_id FROM sym_node_identity)");
        }
    }

    private static void alterTriggers(Connection target, String table, String action) throws SQLException {
        try (Statement alter = target.createStatement()) {
            alter.execute("ALTER TABLE " + TableCopy.quoted(table) + " " + action + " TRIGGER USER");
        }
    }

    private static String currentSchema(Connection connection) throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet row = select.executeQuery("SELECT current_schema()")) {
            row.next();
            return row.getString(1);
        }
    }

    /** Returns the lower-case names of the tables in the PostgreSQL connection's current schema. */
    private static Set<String> tableNames(Connection connection) throws SQLException {
        Set<String> names = new TreeSet<>();
        String schema = currentSchema(connection);
        try (ResultSet tables = connection.getMetaData().getTables(null, schema, null, new String[] {"TABLE"})) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet row = select.executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }
}
