package cn.siyiban.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's database: an embedded Derby database in a data folder by default, or any
 * JDBC URL (PostgreSQL at central). Owns the connection pool and, for embedded Derby, shuts the
 * database down cleanly on close so the next start needs no recovery.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    static {
        // HikariCP skips its liveness check for a connection used in the last 500 ms. Derby
        // closes a connection whose thread was interrupted, so a closed connection could be
        // handed out within that window; checking every time costs microseconds on embedded Derby.
        if (System.getProperty("com.zaxxer.hikari.aliveBypassWindowMs") == null) {
            System.setProperty("com.zaxxer.hikari.aliveBypassWindowMs", "0");
        }
    }

    private static final long REBOOT_INTERVAL_NANOS = 5_000_000_000L;

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final String derbyUrl;
    private final AtomicLong lastReboot = new AtomicLong(System.nanoTime() - REBOOT_INTERVAL_NANOS);

    private Database(HikariDataSource pool, Dialect dialect, String derbyUrl) {
        this.pool = pool;
        this.dialect = dialect;
        this.derbyUrl = derbyUrl;
    }

    /** Returns the JDBC URL of the embedded Derby database kept in {@code folder}. */
    public static String derbyUrl(Path folder) {
        return "jdbc:derby:" + folder.toAbsolutePath() + ";create=true";
    }

    /**
     * Opens (creating if needed) the embedded Derby database in {@code folder}.
     *
     * @param maxConnections pool size; Derby embedded serializes writes per table anyway, and a
     *                       node serves a handful of clerks, so a small pool is enough
     */
    public static Database openDerby(Path folder, int maxConnections) {
        // Derby reserves the values of an identity column, such as SymmetricDS's sym_data.data_id,
        // 100 at a time by default, and the capture triggers draw 8 per intake. Each new
        // reservation updates the column's SYSSEQUENCES row in a nested transaction that does not
        // wait for locks. While another transaction holds that row, Derby's SequenceUpdater
        // reports a lock timeout (40XL1) at once. In one intake benchmark run every intake failed
        // this way for 7 s, from data_id 2219 on, which fits the end of a reservation of 1,000,
        // while the node was extracting its reverse initial load. Reserving 10,000 makes such a
        // moment rare (about 1,250 intakes apart). Orderly shutdown hands unused values back, so
        // only a crash leaves a gap in data_id, which SymmetricDS's gap detection expects.
        // NOTE: which transaction held the row is inferred from the timing, not read from Derby's
        // lock table. Intakes retry such failures, but central's decisions do not.
        System.getProperties().putIfAbsent("derby.language.sequence.preallocator", "10000");
        // Derby looks for a deadlock only after a lock wait has lasted derby.locks.deadlockTimeout
        // (20 s by default), and every transaction queued behind the cycle waits that long too.
        // In an intake benchmark all 8 clerks stood still for 20 s while Derby recompiled a
        // capture trigger in several transactions at once, which deadlocked on SYSDEPENDS rows.
        // At central, SymmetricDS's own updates of sym_extract_request met the same 20 s. After
        // 2 s Derby checks the waits for a cycle, and a wait without one goes on until the lock
        // timeout of 60 s.
        System.getProperties().putIfAbsent("derby.locks.deadlockTimeout", "2");
        String url = derbyUrl(folder);
        boot(url);
        return open(url, null, null, maxConnections, "jdbc:derby:" + folder.toAbsolutePath());
    }

    /**
     * Boots (or creates) the Derby database before the pool opens. The pool gives each new
     * connection its 10-second timeout as a login timeout, and creating a database on a slow or
     * busy machine took longer than that, so the node failed to start with "Login timeout
     * exceeded" (XBDA0). Once booted, a new connection takes milliseconds.
     */
    private static void boot(String url) {
        try {
            DriverManager.getConnection(url).close();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /**
     * Opens a database server by URL, PostgreSQL at a central configured for it.
     *
     * @throws IllegalArgumentException for a URL of a database siyiban does not support
     */
    public static Database openServer(String url, String user, String password, int maxConnections) {
        Dialect.ofJdbcUrl(url);
        return open(url, user, password, maxConnections, null);
    }

    private static Database open(String url, String user, String password, int maxConnections,
                                 String derbyUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(1);
        config.setAutoCommit(true);
        config.setPoolName("siyiban-db");
        // Derby embedded has no network round trip; fail fast if the pool is exhausted by a bug.
        config.setConnectionTimeout(10_000);
        HikariDataSource pool = new HikariDataSource(config);
        log.info("Opened database {}", derbyUrl != null ? derbyUrl : url.replaceAll("password=[^&;]*", "password=***"));
        return new Database(pool, Dialect.ofJdbcUrl(url), derbyUrl);
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Returns whether this is an embedded Derby database, which {@link #close()} shuts down. */
    public boolean isDerby() {
        return derbyUrl != null;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Runs {@code work} in one transaction, committing on success and rolling back on any failure. */
    public <T> T inTransaction(SqlWork<T> work) {
        clearStaleInterrupt();
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                resetAutoCommit(connection);
            }
        } catch (SQLException e) {
            rebootIfReadOnly(e);
            throw new DatabaseException(e);
        }
    }

    /** Runs read-only {@code work} on a pooled connection in auto-commit mode. */
    public <T> T query(SqlWork<T> work) {
        clearStaleInterrupt();
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            rebootIfReadOnly(e);
            throw new DatabaseException(e);
        }
    }

    /**
     * Rolls back after {@code failure}. When Derby has shut the database down, for example after
     * a page write failed on a full disk (XSDG1), the rollback fails too. That error is attached
     * to {@code failure} instead of replacing it, so the caller still gets the cause.
     */
    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void resetAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // The connection is broken; the pool discards it.
        }
    }

    /**
     * Shuts down an embedded Derby database that was booted read-only, so the next request boots
     * it again. Derby shuts a database down when it cannot write a page or its log, and boots it
     * read-only (SQLState 25505 on every write) while the disk is still full. Without a new boot
     * the node would stay read-only after space returns.
     */
    private void rebootIfReadOnly(SQLException failure) {
        if (derbyUrl == null || !hasSqlState(failure, "25505")) {
            return;
        }
        long now = System.nanoTime();
        long last = lastReboot.get();
        // At most one reboot every 5 seconds, however many requests fail meanwhile.
        if (now - last < REBOOT_INTERVAL_NANOS || !lastReboot.compareAndSet(last, now)) {
            return;
        }
        log.warn("Database {} is read-only, probably after a full disk; shutting it down so the next request "
                + "boots it again", derbyUrl);
        pool.getHikariPoolMXBean().softEvictConnections();
        shutdownDerby(derbyUrl);
    }

    private static boolean hasSqlState(Throwable failure, String sqlState) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Clears an interrupt left on a pooled thread by earlier work. Derby closes the connection of
     * an interrupted thread, so a stale flag would make an unrelated clerk's save fail.
     * NOTE: which earlier work leaves the flag is not pinned down; Jetty's request threads also
     * run SymmetricDS's transfers, the likeliest source.
     */
    private static void clearStaleInterrupt() {
        if (Thread.interrupted()) {
            log.warn("Cleared a stale interrupt on thread {} before a database call",
                    Thread.currentThread().getName());
        }
    }

    @Override
    public void close() {
        pool.close();
        if (derbyUrl != null) {
            shutdownDerby(derbyUrl);
        }
    }

    private static void shutdownDerby(String url) {
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException e) {
            // Derby reports a clean shutdown of one database as SQLState 08006.
            if (!"08006".equals(e.getSQLState())) {
                log.warn("Derby shutdown of {} failed: {}", url, e.getMessage());
                return;
            }
        }
        log.info("Closed database {}", url);
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
