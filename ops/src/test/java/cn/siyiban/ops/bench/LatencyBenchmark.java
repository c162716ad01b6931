package cn.siyiban.ops.bench;

import cn.siyiban.ops.it.Api;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Online sync latency with the shipped push, pull and routing periods: from a case acknowledged
 * at the node until central returns it, and from a decision acknowledged at central until the
 * node shows the case approved. A few samplers run at once, each waiting a random time between
 * samples, so the samples fall at random points of the job periods. Each sampler polls every
 * {@link #POLL_MILLIS}, which bounds the resolution.
 */
final class LatencyBenchmark {

    private static final long POLL_MILLIS = 50;
    private static final long TIMEOUT_NANOS = 120_000_000_000L;

    private final BenchOptions options;

    LatencyBenchmark(BenchOptions options) {
        this.options = options;
    }

    void run() throws Exception {
        int samples = options.integer("samples", 200);
        int samplers = options.integer("samplers", 4);
        Path dir = options.runDirectory("latency");
        try (BenchCluster cluster = new BenchCluster(dir, options.nodeFlags(), options.centralFlags()).start()) {
            String node = cluster.node().baseUrl();
            String central = cluster.centralUrl();
            System.out.printf("latency: probe case reached central in %d ms%n", cluster.probe());
            idleCpu(cluster, options.integer("idle-seconds", 20));

            Queue<String> arrived = new ConcurrentLinkedQueue<>();
            Samples up = sample(samples, samplers, index -> {
                Api clerk = Api.login(node, "clerk", BenchCluster.PASSWORD);
                Api admin = Api.login(central, "admin", BenchCluster.PASSWORD);
                return () -> {
                    Api.Response created = clerk.post("/api/cases", Forms.json("latency", index.getAndIncrement()));
                    require(created, 201);
                    long sent = System.nanoTime();
                    String caseNo = created.json().path("caseNo").asText();
                    awaitTrue(() -> admin.get("/api/cases/" + caseNo).status() == 200, caseNo + " at central");
                    arrived.add(caseNo);
                    return System.nanoTime() - sent;
                };
            });
            System.out.printf("latency: RESULT node insert -> visible at central: %s; target p99 <= 2000 ms%n",
                    up.summary());

            ObjectNode approve = Api.JSON.createObjectNode().put("decision", "approve").put("comment", "材料齐全，同意");
            Samples down = sample(samples, samplers, index -> {
                Api reviewer = Api.login(central, "reviewer", BenchCluster.PASSWORD);
                Api clerk = Api.login(node, "clerk", BenchCluster.PASSWORD);
                return () -> {
                    String caseNo = arrived.remove();
                    require(reviewer.post("/api/cases/" + caseNo + "/decisions", approve), 201);
                    long sent = System.nanoTime();
                    awaitTrue(() -> "approved".equals(clerk.get("/api/cases/" + caseNo).json().path("status").asText()),
                            caseNo + " approved at the node");
                    return System.nanoTime() - sent;
                };
            });
            System.out.printf("latency: RESULT central decision -> visible at node: %s; target p99 <= 2000 ms%n",
                    down.summary());
        }
    }

    /**
     * Prints the CPU time central and the node use per second while no clerk works, which is the
     * cost of the polling periods: each pull of a node is a request central must serve.
     */
    private static void idleCpu(BenchCluster cluster, int seconds) throws InterruptedException {
        double centralBefore = ProcessCpu.seconds(cluster.central().pid());
        double nodeBefore = ProcessCpu.seconds(cluster.node().pid());
        Thread.sleep(seconds * 1000L);
        System.out.printf("latency: idle CPU over %d s: central %.1f ms/s, node %.1f ms/s%n", seconds,
                (ProcessCpu.seconds(cluster.central().pid()) - centralBefore) * 1000 / seconds,
                (ProcessCpu.seconds(cluster.node().pid()) - nodeBefore) * 1000 / seconds);
    }

    /** One sample: does its work and returns the measured nanoseconds. */
    private interface Sample {
        long take() throws InterruptedException;
    }

    /** Builds a sampler's {@link Sample} with its own sessions; the counter numbers the forms. */
    private interface SamplerFactory {
        Sample create(AtomicInteger formIndex);
    }

    private static Samples sample(int count, int samplers, SamplerFactory factory) throws InterruptedException {
        Samples samples = new Samples();
        AtomicInteger remaining = new AtomicInteger(count);
        AtomicInteger formIndex = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < samplers; i++) {
            Sample sample = factory.create(formIndex);
            Thread thread = new Thread(() -> {
                try {
                    while (remaining.getAndDecrement() > 0) {
                        Thread.sleep(ThreadLocalRandom.current().nextLong(0, 1_000));
                        samples.add(sample.take());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "sampler-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a sampler failed", failures.get(0));
        }
        return samples;
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String description)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(description + " not seen within "
                        + TIMEOUT_NANOS / 1_000_000_000 + " s");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static void require(Api.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected HTTP " + status + ", got " + response);
        }
    }
}
