package cn.siyiban.core.db;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a transaction again after the database gave up a lock or broke a deadlock. Both Derby and
 * PostgreSQL roll the whole transaction back then, so running it again cannot store anything
 * twice. Under load, SymmetricDS's capture triggers meet such failures on a busy node or central.
 */
public final class LockRetry {

    private static final Logger log = LoggerFactory.getLogger(LockRetry.class);
    /** The pause before the second attempt. It doubles before each further one. */
    private static final long FIRST_PAUSE_MILLIS = 50;

    private LockRetry() {
    }

    /**
     * Runs {@code transaction} up to {@code attempts} times while it fails with a lock failure
     * ({@link DatabaseException#isLockTimeout()}), and rethrows the last failure.
     *
     * @param description what the transaction stores, with its ids, for the log
     */
    public static <T> T run(String description, int attempts, Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (DatabaseException e) {
                if (attempt == attempts || !e.isLockTimeout()) {
                    throw e;
                }
                log.warn("Storing {} failed because a lock was not obtained ({}); trying again, attempt {} of {}",
                        description, e.sqlException().getSQLState(), attempt + 1, attempts);
                pause(attempt, e);
            }
        }
    }

    /**
     * Sleeps before attempt {@code attempt + 1}, because Derby raises some lock failures without
     * waiting and an immediate retry meets the same lock. The pause is 50 ms and doubles each
     * time, plus up to as much again at random, so clerks saving at once do not retry in step.
     * Rethrows {@code failure} when the thread is interrupted.
     */
    public static void pause(int attempt, DatabaseException failure) {
        long pause = FIRST_PAUSE_MILLIS << (attempt - 1);
        try {
            Thread.sleep(pause + ThreadLocalRandom.current().nextLong(pause + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
