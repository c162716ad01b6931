package cn.siyiban.ops.bench;

import cn.siyiban.core.cases.CaseRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A steady trickle of cases taken in at the simulated nodes in turn, and the time from each
 * intake's commit until central has acknowledged the batch that carries the case. A poller
 * checks the waiting cases every {@link #POLL_MILLIS}, which bounds the resolution.
 */
final class CaseTrickle implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CaseTrickle.class);
    private static final long POLL_MILLIS = 100;

    /** A case taken in and not yet acknowledged by central. */
    record Pending(SimulatedNode node, String caseId, String caseNo, long committedNanos, int window) {
    }

    /** A case central acknowledged, with its latency. */
    record Delivered(String caseNo, long nanos, int window) {
    }

    private final List<SimulatedNode> nodes = new CopyOnWriteArrayList<>();
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final Queue<Delivered> delivered = new ConcurrentLinkedQueue<>();
    private final AtomicInteger nextNode = new AtomicInteger();
    private final AtomicInteger formIndex = new AtomicInteger();
    private final AtomicLong failedIntakes = new AtomicLong();
    private final ScheduledExecutorService intakes = Executors.newScheduledThreadPool(2, daemon("trickle-intake"));
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(daemon("trickle-poll"));
    private final double casesPerNodeHour;
    /** Number of the measurement window that new intakes belong to; 0 outside a window. */
    private volatile int window;
    private volatile long periodNanos;

    /** @param casesPerNodeHour intakes per simulated node and hour, spread evenly over time */
    CaseTrickle(double casesPerNodeHour) {
        this.casesPerNodeHour = casesPerNodeHour;
    }

    /** Adds nodes that are ready (registered, initial load received) to the turn. */
    void addNodes(List<SimulatedNode> ready) {
        nodes.addAll(ready);
        // The period shrinks as nodes join, so the rate per node stays the same.
        periodNanos = nodes.isEmpty() ? 0 : (long) (3_600e9 / (casesPerNodeHour * nodes.size()));
    }

    void start() {
        intakes.execute(this::takeInNext);
        poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Takes in one case at the next node and schedules the next intake one period after this one began. */
    private void takeInNext() {
        if (nodes.isEmpty()) {
            // Every node of the first step failed to register; a later step may still add some.
            intakes.schedule(this::takeInNext, 1, TimeUnit.SECONDS);
            return;
        }
        long began = System.nanoTime();
        int windowOfCase = window;
        SimulatedNode node = nodes.get(Math.floorMod(nextNode.getAndIncrement(), nodes.size()));
        try {
            CaseRecord created = node.takeIn(formIndex.getAndIncrement());
            pending.add(new Pending(node, created.id(), created.caseNo(), System.nanoTime(), windowOfCase));
        } catch (RuntimeException e) {
            failedIntakes.incrementAndGet();
            log.error("Intake at simulated point {} failed", node.pointCode(), e);
        }
        long delay = Math.max(0, periodNanos - (System.nanoTime() - began));
        if (!intakes.isShutdown()) {
            intakes.schedule(this::takeInNext, delay, TimeUnit.NANOSECONDS);
        }
    }

    private void poll() {
        try {
            Iterator<Pending> waiting = pending.iterator();
            while (waiting.hasNext()) {
                Pending next = waiting.next();
                if (next.node().delivered(next.caseId())) {
                    delivered.add(new Delivered(next.caseNo(), System.nanoTime() - next.committedNanos(),
                            next.window()));
                    waiting.remove();
                }
            }
        } catch (RuntimeException e) {
            log.error("Polling for delivered cases failed", e);
        }
    }

    /** Marks new intakes as belonging to measurement window {@code number}, or to none with 0. */
    void window(int number) {
        window = number;
    }

    /** Returns the cases of window {@code number} still waiting for central. */
    int pendingIn(int number) {
        return (int) pending.stream().filter(p -> p.window() == number).count();
    }

    /** Returns the latencies of the cases of window {@code number} that central acknowledged. */
    List<Delivered> deliveredIn(int number) {
        List<Delivered> result = new ArrayList<>();
        for (Delivered d : delivered) {
            if (d.window() == number) {
                result.add(d);
            }
        }
        return result;
    }

    long failedIntakes() {
        return failedIntakes.get();
    }

    @Override
    public void close() {
        intakes.shutdownNow();
        poller.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
