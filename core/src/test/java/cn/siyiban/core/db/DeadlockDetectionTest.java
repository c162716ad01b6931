package cn.siyiban.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Derby must break a deadlock well before its lock wait timeout, so that clerks queued behind
 * the cycle do not all stand still for Derby's default deadlock timeout of 20 s.
 */
class DeadlockDetectionTest {

    /** Lock wait timeout of the test database, in seconds. */
    private static final String WAIT_TIMEOUT_SECONDS = "8";

    @TempDir
    Path folder;

    @Test
    void deadlockBrokenBeforeLockTimeout() throws Exception {
        try (Database database = Database.openDerby(folder.resolve("db"), 2)) {
            database.inTransaction(connection -> {
                try (Statement sql = connection.createStatement()) {
                    sql.execute("CREATE TABLE t_lock (id INT PRIMARY KEY, v INT)");
                    sql.execute("INSERT INTO t_lock VALUES (1, 0), (2, 0)");
                    // With a deadlock timeout at Derby's default of 20 s, longer than this wait
                    // timeout, Derby never looks for the cycle and both sides time out (40XL1).
                    sql.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '"
                            + WAIT_TIMEOUT_SECONDS + "')");
                }
                return null;
            });

            List<String> states = crossUpdates(database);

            assertEquals(2, states.size());
            assertTrue(states.contains("40001"), "one side chosen as deadlock victim: " + states);
            assertTrue(states.contains("ok"), "the other side committed: " + states);
        }
    }

    /**
     * Runs two transactions that update rows 1 and 2 in opposite order, and returns for each
     * "ok" or the SQLState it failed with.
     */
    private static List<String> crossUpdates(Database database) throws Exception {
        CountDownLatch bothHoldFirstRow = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = pool.submit(() -> updateBoth(database, 1, 2, bothHoldFirstRow));
            Future<String> second = pool.submit(() -> updateBoth(database, 2, 1, bothHoldFirstRow));
            List<String> states = new ArrayList<>();
            states.add(first.get(60, TimeUnit.SECONDS));
            states.add(second.get(60, TimeUnit.SECONDS));
            return states;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String updateBoth(Database database, int firstId, int secondId, CountDownLatch bothHoldFirstRow)
            throws SQLException, InterruptedException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                sql.executeUpdate("UPDATE t_lock SET v = v + 1 WHERE id = " + firstId);
                bothHoldFirstRow.countDown();
                bothHoldFirstRow.await(30, TimeUnit.SECONDS);
                sql.executeUpdate("UPDATE t_lock SET v = v + 1 WHERE id = " + secondId);
                connection.commit();
                return "ok";
            } catch (SQLException e) {
                connection.rollback();
                return e.getSQLState();
            }
        }
    }
}
