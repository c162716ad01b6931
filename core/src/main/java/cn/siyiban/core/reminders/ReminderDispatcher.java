package cn.siyiban.core.reminders;

import cn.siyiban.core.time.CountyClock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the due reminders of the outbox through a {@link ReminderSender}, at least once each and
 * under the same idempotency key on every attempt.
 *
 * <p>Each attempt is first stored as {@link ReminderState#SENDING}, with the time of the next
 * attempt already set, and committed. Only then is the sender called, and its result stored.
 * A crash or a kill between the send and that store leaves the reminder sending, so it is sent
 * again when that next attempt is due, with the same key, and the gateway drops the repeat. A
 * failed attempt waits {@link #backoff} before the next, and after {@link #MAX_ATTEMPTS} the
 * reminder has failed until an admin retries it.
 */
public final class ReminderDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ReminderDispatcher.class);

    /** Wait after the first failed attempt; it doubles with every further one. */
    static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
    /** Maximum wait between two attempts, and so the maximum delay of a resend after a crash. */
    static final Duration MAX_BACKOFF = Duration.ofHours(6);
    /** Attempts before a reminder counts as failed: with the waits above they span about 8.5 hours. */
    static final int MAX_ATTEMPTS = 10;
    /** Maximum reminders sent per run, so one run ends soon even with a long queue. */
    private static final int BATCH = 50;

    private final ReminderStore store;
    private final ReminderSender sender;
    private final CountyClock clock;

    public ReminderDispatcher(ReminderStore store, ReminderSender sender, CountyClock clock) {
        this.store = store;
        this.sender = sender;
        this.clock = clock;
    }

    /** Returns the wait after failed attempt number {@code attempt}, counted from 1. */
    static Duration backoff(int attempt) {
        int doublings = Math.min(attempt - 1, 20);
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    /** Sends every due reminder once; returns the number sent. */
    public int dispatch() {
        List<Reminder> due = store.due(clock.now(), BATCH);
        int sent = 0;
        for (Reminder reminder : due) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            if (attempt(reminder)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean attempt(Reminder reminder) {
        int attempt = reminder.attempts() + 1;
        LocalDateTime now = clock.now();
        store.markSending(reminder.id(), attempt, now.plus(backoff(attempt)));
        try {
            sender.send(reminder);
        } catch (ReminderSender.SendException e) {
            boolean retry = attempt < MAX_ATTEMPTS;
            store.markFailedAttempt(reminder.id(), e.getMessage(), retry);
            if (retry) {
                log.warn("Reminder {} of case {}: attempt {} through {} failed ({}); next attempt in {} min",
                        reminder.id(), reminder.caseNo(), attempt, sender.name(), e.getMessage(),
                        backoff(attempt).toMinutes());
            } else {
                log.error("Reminder {} of case {}: attempt {} through {} failed ({}); giving up until an admin "
                        + "retries it", reminder.id(), reminder.caseNo(), attempt, sender.name(), e.getMessage());
            }
            return false;
        }
        store.markSent(reminder.id(), clock.now());
        log.info("Reminder {} ({}) of case {} sent through {} on attempt {}", reminder.id(), reminder.kind().code(),
                reminder.caseNo(), sender.name(), attempt);
        return true;
    }
}
