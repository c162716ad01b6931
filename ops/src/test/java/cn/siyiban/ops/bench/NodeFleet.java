package cn.siyiban.ops.bench;

import cn.siyiban.core.network.PointLevel;
import cn.siyiban.core.network.ServicePoint;
import cn.siyiban.node.sync.SyncRunCounts;
import cn.siyiban.sync.SyncTimings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated nodes of a capacity run. New nodes are created and registered a few at a time,
 * because each one's registration and initial load from central cost CPU on both sides. Each
 * node's database is a copy of its node group's {@link NodeTemplate}, unless the run builds every
 * node's database from scratch, which cost about 2 s more CPU per node when measured.
 */
final class NodeFleet implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NodeFleet.class);

    /**
     * Outcome of adding nodes.
     *
     * @param ready the new nodes that registered and received their initial load
     * @param failed the new nodes that did not, within the time allowed
     */
    record Ramp(List<SimulatedNode> ready, int failed, long seconds) {
    }

    private final CapacityCentral central;
    private final Path folder;
    private final SyncTimings timings;
    private final int startThreads;
    private final long readyNanos;
    private final boolean useTemplates;
    private final Map<PointLevel, NodeTemplate> templates = new EnumMap<>(PointLevel.class);
    private final List<SimulatedNode> nodes = new CopyOnWriteArrayList<>();
    /** Points already given a node, including nodes that failed to start. */
    private int assigned;

    /**
     * @param folder parent of the nodes' staging folders
     * @param startThreads nodes created and registered at the same time
     * @param readyMinutes time allowed for one node to register and receive its initial load
     * @param useTemplates whether nodes start from a prepared database of their node group
     */
    NodeFleet(CapacityCentral central, Path folder, SyncTimings timings, int startThreads, int readyMinutes,
              boolean useTemplates) {
        this.central = central;
        this.folder = folder;
        this.timings = timings;
        this.startThreads = startThreads;
        this.readyNanos = TimeUnit.MINUTES.toNanos(readyMinutes);
        this.useTemplates = useTemplates;
    }

    /** Adds a node for each point of {@code points} that has none yet and waits until they are ready. */
    Ramp growTo(List<ServicePoint> points) throws InterruptedException {
        long begin = System.nanoTime();
        List<ServicePoint> added = points.subList(assigned, points.size());
        assigned = points.size();
        if (useTemplates) {
            prepareTemplates(added);
        }
        System.out.printf("capacity: starting %d nodes (%d at a time, %s)%n", added.size(), startThreads,
                useTemplates ? "databases copied from the node templates" : "databases built from scratch");

        ExecutorService starter = Executors.newFixedThreadPool(startThreads);
        AtomicInteger done = new AtomicInteger();
        List<Future<SimulatedNode>> started = new ArrayList<>();
        for (ServicePoint point : added) {
            started.add(starter.submit(() -> {
                SimulatedNode node = startOne(point);
                int count = done.incrementAndGet();
                if (count % 25 == 0 || count == added.size()) {
                    System.out.printf("capacity: %d of %d new nodes done after %d s%n", count, added.size(),
                            (System.nanoTime() - begin) / 1_000_000_000);
                }
                return node;
            }));
        }
        starter.shutdown();

        List<SimulatedNode> ready = new ArrayList<>();
        int failed = 0;
        for (Future<SimulatedNode> future : started) {
            try {
                SimulatedNode node = future.get();
                if (node != null) {
                    ready.add(node);
                } else {
                    failed++;
                }
            } catch (java.util.concurrent.ExecutionException e) {
                failed++;
                log.error("Starting a simulated node failed", e.getCause());
            }
        }
        return new Ramp(ready, failed, (System.nanoTime() - begin) / 1_000_000_000);
    }

    /** Prepares the template of each node group among {@code points} that has none yet. */
    private void prepareTemplates(List<ServicePoint> points) {
        for (ServicePoint point : points) {
            templates.computeIfAbsent(point.level(), level -> {
                long begin = System.nanoTime();
                NodeTemplate template = NodeTemplate.prepare(level, central.url(), folder.resolve("templates"),
                        timings);
                System.out.printf("capacity: prepared the %s node template in %d ms%n", level.nodeGroup(),
                        (System.nanoTime() - begin) / 1_000_000);
                return template;
            });
        }
    }

    /** Creates, starts and waits for one node; returns null when it was not ready in time. */
    private SimulatedNode startOne(ServicePoint point) throws InterruptedException {
        SimulatedNode node = SimulatedNode.create(point, templates.get(point.level()), central.url(),
                central.issueToken(point.code()), folder.resolve(point.code()), timings);
        nodes.add(node);
        node.start();
        long deadline = System.nanoTime() + readyNanos;
        while (!node.ready()) {
            if (System.nanoTime() > deadline) {
                log.error("Simulated node {} did not register and receive its initial load within {} min",
                        point.code(), TimeUnit.NANOSECONDS.toMinutes(readyNanos));
                return null;
            }
            Thread.sleep(500);
        }
        return node;
    }

    /** Returns the push and pull runs of all nodes added up. */
    SyncRunCounts runCounts() {
        long pushes = 0;
        long failedPushes = 0;
        long pulls = 0;
        long failedPulls = 0;
        for (SimulatedNode node : nodes) {
            SyncRunCounts counts = node.runCounts();
            pushes += counts.pushes();
            failedPushes += counts.failedPushes();
            pulls += counts.pulls();
            failedPulls += counts.failedPulls();
        }
        return new SyncRunCounts(pushes, failedPushes, pulls, failedPulls);
    }

    long batchesInError() {
        return nodes.stream().mapToLong(SimulatedNode::batchesInError).sum();
    }

    @Override
    public void close() {
        for (SimulatedNode node : nodes) {
            try {
                node.close();
            } catch (RuntimeException e) {
                log.warn("Stopping simulated node {} failed", node.pointCode(), e);
            }
        }
    }
}
