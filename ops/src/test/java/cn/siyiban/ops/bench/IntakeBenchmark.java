package cn.siyiban.ops.bench;

import cn.siyiban.ops.it.Api;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Node intake API under concurrent clerks: cases per second and request latency of
 * {@code POST /api/cases} against a registered node started from its packaged jar with its
 * shipped JVM flags, while its sync jobs run. Each clerk thread has its own session and HTTP
 * connection and sends the next form as soon as the previous one is acknowledged. The clients
 * run in this JVM on the same cores as the node, so they take some of its CPU. The node's CPU
 * time per intake is printed too, because it bounds the rate of an otherwise idle machine.
 */
final class IntakeBenchmark {

    private final BenchOptions options;

    IntakeBenchmark(BenchOptions options) {
        this.options = options;
    }

    void run() throws Exception {
        int[] levels = options.integers("threads", 4, 8, 16);
        int requests = options.integer("requests", 800);
        int warmUp = options.integer("warm-up", 200);
        Path dir = options.runDirectory("intake");
        try (BenchCluster cluster = new BenchCluster(dir, options.nodeFlags(), options.centralFlags()).start()) {
            String node = cluster.node().baseUrl();
            System.out.printf("intake: node pid %d, probe case reached central in %d ms%n", cluster.node().pid(),
                    cluster.probe());
            Level warm = new Level(node, 4, warmUp, "warm");
            warm.logIn();
            warm.run();
            System.out.printf("intake: warm-up %d intakes on 4 threads: %.0f/s%n", warmUp, warm.perSecond());
            for (int threads : levels) {
                Level level = new Level(node, threads, requests, "t" + threads);
                // The clerks log in first: BCrypt at login is not the cost of an intake.
                level.logIn();
                double cpuBefore = ProcessCpu.seconds(cluster.node().pid());
                level.run();
                double cpuMillis = (ProcessCpu.seconds(cluster.node().pid()) - cpuBefore) * 1000;
                System.out.printf("intake: RESULT %2d clerks, %d intakes: %.0f cases/s, latency %s, "
                                + "%d failed, node CPU %.1f ms per intake; target >= 200/s, p99 <= 50 ms%n", threads,
                        level.latencies.size(), level.perSecond(), level.latencies.summary(), level.failures.get(),
                        cpuMillis / level.latencies.size());
            }
        }
    }

    /** One concurrency level: {@code threads} clerks sharing {@code requests} forms. */
    private static final class Level {
        private final String baseUrl;
        private final int threads;
        private final List<String> forms = new ArrayList<>();
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger failures = new AtomicInteger();
        private final Samples latencies = new Samples();
        private final List<Api> sessions = new ArrayList<>();
        private long elapsedNanos;

        Level(String baseUrl, int threads, int requests, String tag) {
            this.baseUrl = baseUrl;
            this.threads = threads;
            // The forms are serialised before timing, so the clients spend less CPU during it.
            for (int i = 0; i < requests; i++) {
                forms.add(Forms.json("intake-" + tag, i));
            }
        }

        void logIn() {
            for (int i = 0; i < threads; i++) {
                sessions.add(Api.login(baseUrl, "clerk", BenchCluster.PASSWORD));
            }
        }

        void run() throws InterruptedException {
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> clerks = new ArrayList<>();
            for (Api session : sessions) {
                Thread clerk = new Thread(() -> work(session, start), "clerk");
                clerks.add(clerk);
                clerk.start();
            }
            long begin = System.nanoTime();
            start.countDown();
            for (Thread clerk : clerks) {
                clerk.join();
            }
            elapsedNanos = System.nanoTime() - begin;
        }

        private void work(Api session, CountDownLatch start) {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            for (int i = next.getAndIncrement(); i < forms.size(); i = next.getAndIncrement()) {
                long begin = System.nanoTime();
                Api.Response response = session.post("/api/cases", forms.get(i));
                long took = System.nanoTime() - begin;
                if (response.status() == 201) {
                    latencies.add(took);
                } else if (failures.incrementAndGet() <= 5) {
                    System.out.printf("intake: HTTP %d: %s%n", response.status(), response.body());
                }
            }
        }

        double perSecond() {
            return latencies.size() / (elapsedNanos / 1e9);
        }
    }
}
