package cn.siyiban.core.time;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A task that runs at once and then with a fixed delay on its own daemon thread, so a check
 * against central or a reminder send never holds up a shutdown.
 */
public final class PeriodicTask {

    private final String threadName;
    private final Duration delay;
    private final Runnable task;
    private ScheduledExecutorService timer;

    public PeriodicTask(String threadName, Duration delay, Runnable task) {
        this.threadName = threadName;
        this.delay = delay;
        this.task = task;
    }

    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(task, 0, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the task, interrupting a run in progress. */
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    /** Ends the runs from inside the task itself, without interrupting the running thread. */
    public synchronized void stopFromTask() {
        if (timer != null) {
            timer.shutdown();
            timer = null;
        }
    }
}
