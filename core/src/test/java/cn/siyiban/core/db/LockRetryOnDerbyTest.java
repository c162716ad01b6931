package cn.siyiban.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which failures LockRetry runs again, against real Derby lock waits. */
class LockRetryOnDerbyTest {

    /** Derby gives up a lock after this wait here, instead of its default of 60 s. */
    private static final int WAIT_TIMEOUT_SECONDS = 2;
    /** Longer than the wait timeout, so the first attempt always fails. */
    private static final long HOLD_MILLIS = 3_000;

    @TempDir
    Path folder;
    private Database database;
    private Thread holder;

    @BeforeEach
    void open() {
        database = Database.openDerby(folder.resolve("db"), 3);
        database.inTransaction(connection -> {
            try (Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE t_note (id INT PRIMARY KEY)");
                sql.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '"
                        + WAIT_TIMEOUT_SECONDS + "')");
            }
            return null;
        });
    }

    @AfterEach
    void close() throws InterruptedException {
        if (holder != null) {
            holder.join();
        }
        database.close();
    }

    @Test
    void lockFailureAfterShortWaitIsRetried() throws Exception {
        holdTableLock();
        AtomicInteger attempts = new AtomicInteger();

        LockRetry.run("note 1", 3, Duration.ofSeconds(10), failure -> false, () -> insertNote(1, attempts));

        assertEquals(2, attempts.get());
        assertEquals(1, countNotes());
    }

    @Test
    void lockFailureAfterLongWaitThrows() throws Exception {
        holdTableLock();
        AtomicInteger attempts = new AtomicInteger();

        DatabaseException failure = assertThrows(DatabaseException.class, () -> LockRetry.run("note 1", 3,
                Duration.ofSeconds(1), failed -> false, () -> insertNote(1, attempts)));

        assertTrue(failure.isLockTimeout());
        assertEquals(1, attempts.get());
    }

    @Test
    void recoveredFailureRunsAgainWithoutLockFailure() {
        database.inTransaction(connection -> insertNote(connection, 1));
        AtomicInteger attempts = new AtomicInteger();
        int[] id = {1};

        LockRetry.run("note", 3, failure -> {
            if (!failure.isDuplicateKey()) {
                return false;
            }
            id[0]++;
            return true;
        }, () -> insertNote(id[0], attempts));

        assertEquals(2, attempts.get());
        assertEquals(2, countNotes());
    }

    @Test
    void otherFailureIsNotRetried() {
        database.inTransaction(connection -> insertNote(connection, 1));
        AtomicInteger attempts = new AtomicInteger();

        DatabaseException failure = assertThrows(DatabaseException.class,
                () -> LockRetry.run("note 1", 3, () -> insertNote(1, attempts)));

        assertTrue(failure.isDuplicateKey());
        assertEquals(1, attempts.get());
    }

    /** Starts a transaction that locks the table for {@link #HOLD_MILLIS} and returns once the lock is taken. */
    private void holdTableLock() throws InterruptedException {
        CountDownLatch locked = new CountDownLatch(1);
        holder = new Thread(() -> database.inTransaction(connection -> {
            try (Statement sql = connection.createStatement()) {
                sql.execute("LOCK TABLE t_note IN EXCLUSIVE MODE");
            }
            locked.countDown();
            sleep(HOLD_MILLIS);
            return null;
        }));
        holder.start();
        assertTrue(locked.await(10, TimeUnit.SECONDS));
    }

    private Object insertNote(int id, AtomicInteger attempts) {
        attempts.incrementAndGet();
        return database.inTransaction(connection -> insertNote(connection, id));
    }

    private static Object insertNote(Connection connection, int id) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO t_note VALUES (" + id + ")");
        }
        return null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int countNotes() {
        return database.query(connection -> {
            try (Statement sql = connection.createStatement(); var rows = sql.executeQuery("SELECT COUNT(*) FROM t_note")) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }
}
