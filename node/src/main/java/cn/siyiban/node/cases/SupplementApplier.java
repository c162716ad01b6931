package cn.siyiban.node.cases;

import cn.siyiban.core.cases.SupplementService;
import cn.siyiban.core.web.Component;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns supplements that other points took for this point's cases, and that sync delivered,
 * into case events, on a fixed period. The rows arrive through the SymmetricDS engine, which
 * writes them straight to the database, so polling is how the node notices them.
 */
public final class SupplementApplier implements Component {

    private static final Logger log = LoggerFactory.getLogger(SupplementApplier.class);

    private final SupplementService supplements;
    private final long periodMillis;
    private ScheduledExecutorService executor;

    /** @param periodMillis time between two checks, in milliseconds */
    public SupplementApplier(SupplementService supplements, long periodMillis) {
        this.supplements = supplements;
        this.periodMillis = periodMillis;
    }

    @Override
    public String name() {
        return "supplement applier";
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "supplement-applier");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::applyOnce, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void applyOnce() {
        try {
            supplements.applyForwarded();
        } catch (RuntimeException e) {
            // The next run retries, because an unapplied row stays until its event exists.
            log.error("Failed to apply supplements forwarded by sync: {}", e.toString(), e);
        }
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
