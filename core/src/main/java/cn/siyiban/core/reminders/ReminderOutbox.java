package cn.siyiban.core.reminders;

import cn.siyiban.core.time.PeriodicTask;
import cn.siyiban.core.web.Component;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reminder outbox as a component: every period it plans the reminders due and sends the
 * reminders whose attempt is due. With a period of 0 it never runs by itself, and only
 * {@link #runOnce} runs it.
 */
public final class ReminderOutbox implements Component {

    private static final Logger log = LoggerFactory.getLogger(ReminderOutbox.class);

    private final ReminderPlanner planner;
    private final ReminderDispatcher dispatcher;
    private final ReminderSettings settings;
    private final PeriodicTask timer;

    public ReminderOutbox(ReminderPlanner planner, ReminderDispatcher dispatcher, ReminderSettings settings) {
        this.planner = planner;
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.timer = settings.periodMillis() > 0
                ? new PeriodicTask("reminder-outbox", Duration.ofMillis(settings.periodMillis()), this::runSafely)
                : null;
    }

    @Override
    public String name() {
        return "reminder outbox";
    }

    @Override
    public void start() {
        if (timer == null) {
            log.info("Reminder outbox off ({}=0)", ReminderSettings.PERIOD_MS);
            return;
        }
        timer.start();
        log.info("Reminder outbox started: sender {}, every {} ms", settings.sender(), settings.periodMillis());
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.stop();
        }
    }

    /**
     * Plans and sends once. Synchronized, so a call from a test or an admin never overlaps the
     * periodic run; returns the number of reminders sent.
     */
    public synchronized int runOnce() {
        int planned = planner.plan();
        int sent = dispatcher.dispatch();
        if (planned > 0 || sent > 0) {
            log.info("Reminder outbox run: {} planned, {} sent", planned, sent);
        }
        return sent;
    }

    /** Runs {@link #runOnce} for the timer, logging any exception because a thrown one would end the scheduled runs. */
    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.error("Reminder outbox run failed; retrying in {} ms", settings.periodMillis(), e);
        }
    }
}
