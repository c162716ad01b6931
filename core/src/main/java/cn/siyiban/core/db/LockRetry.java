package cn.siyiban.core.db;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
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
    /**
     * The maximum duration of a failed attempt that is run again. Derby raises a lock failure on
     * the sequence of sym_data at once and picks a deadlock victim after 2 s
     * (Database.openDerby), and a second attempt usually succeeds. A lock that Derby waited for
     * until its timeout (60 s) belongs to a long transaction. Repeating that wait would keep a
     * clerk or a reviewer waiting for minutes before the error page, so such a failure is
     * reported at once.
     */
    static final Duration MAX_RETRIED_ATTEMPT = Duration.ofSeconds(10);

    private LockRetry() {
    }

    /**
     * Runs {@code transaction} up to {@code attempts} times while it fails quickly with a lock
     * failure ({@link DatabaseException#isLockTimeout()}), and rethrows the last failure.
     *
     * @param description what the transaction stores, with its ids, for the log
     */
    public static <T> T run(String description, int attempts, Supplier<T> transaction) {
        return run(description, attempts, failure -> false, transaction);
    }

    /**
     * Like {@link #run(String, int, Supplier)}, but first offers every failure to
     * {@code recovers}. When it returns true, it has dealt with the failure (for example by
     * reading case numbers afresh after a duplicate key), and the transaction runs again at once.
     */
    public static <T> T run(String description, int attempts, Predicate<DatabaseException> recovers,
                            Supplier<T> transaction) {
        return run(description, attempts, MAX_RETRIED_ATTEMPT, recovers, transaction);
    }

    static <T> T run(String description, int attempts, Duration maxRetriedAttempt,
                     Predicate<DatabaseException> recovers, Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            try {
                return transaction.get();
            } catch (DatabaseException e) {
                if (attempt == attempts) {
                    throw e;
                }
                if (recovers.test(e)) {
                    continue;
                }
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                if (!e.isLockTimeout() || took.compareTo(maxRetriedAttempt) > 0) {
                    throw e;
                }
                log.warn("Storing {} failed after {} ms because a lock was not obtained ({}); trying again, attempt {} of {}",
                        description, took.toMillis(), e.sqlException().getSQLState(), attempt + 1, attempts);
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
    private static void pause(int attempt, DatabaseException failure) {
        long pause = FIRST_PAUSE_MILLIS << (attempt - 1);
        try {
            Thread.sleep(pause + ThreadLocalRandom.current().nextLong(pause + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
