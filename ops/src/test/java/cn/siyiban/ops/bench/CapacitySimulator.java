package cn.siyiban.ops.bench;

import cn.siyiban.core.network.Network;
import cn.siyiban.core.network.PointLevel;
import cn.siyiban.core.network.ServicePoint;
import cn.siyiban.node.sync.SyncRunCounts;
import cn.siyiban.sync.SyncTimings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Capacity simulator of central. It registers N simulated nodes with one-time tokens and runs
 * their SymmetricDS client engines in this JVM at the shipped push, pull and routing periods, with
 * a steady trickle of cases. For each N of a rising series it reports central's CPU and memory,
 * the errors, and the latency from a node's intake to central's acknowledgement.
 * {@code ops/bench/capacity} is the documented way to run it.
 */
public final class CapacitySimulator {

    /** Time a case of the window may still take to reach central after the window ends. */
    private static final long GRACE_NANOS = 60_000_000_000L;

    private final BenchOptions options;
    private final Path simulatorLog;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final long ownPid = ProcessHandle.current().pid();

    CapacitySimulator(BenchOptions options, Path simulatorLog) {
        this.options = options;
        this.simulatorLog = simulatorLog;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = new BenchOptions(List.of(args), Path.of("target", "bench").toAbsolutePath());
        Path log = Path.of(System.getProperty("capacity.log", "target/bench/capacity.log"));
        List<CapacityStep> steps = new CapacitySimulator(options, log).run();
        boolean clean = steps.stream().allMatch(step -> step.errors().total() == 0);
        // SymmetricDS's engines and Derby leave non-daemon threads behind.
        System.exit(steps.isEmpty() || !clean ? 1 : 0);
    }

    /** Runs the steps until the last one, the first with errors, or the first that saturates the CPU. */
    List<CapacityStep> run() throws InterruptedException {
        int[] series = options.integers("nodes", 50, 248);
        long windowSeconds = (long) (options.decimal("minutes", 3) * 60);
        double maxCpuPercent = options.decimal("max-cpu-percent", 90);
        double casesPerNodeHour = options.decimal("cases-per-node-hour", 30);
        long settleSeconds = options.integer("settle-seconds", 60);
        if (!(casesPerNodeHour > 0)) {
            throw new IllegalArgumentException("--cases-per-node-hour must be more than 0, was " + casesPerNodeHour);
        }
        for (int i = 1; i < series.length; i++) {
            if (series[i] <= series[i - 1]) {
                throw new IllegalArgumentException("--nodes must rise, but " + series[i] + " follows " + series[i - 1]);
            }
        }
        String nodeDatabases = options.text("node-databases", "template");
        if (!nodeDatabases.equals("template") && !nodeDatabases.equals("scripts")) {
            throw new IllegalArgumentException("--node-databases must be template or scripts, was " + nodeDatabases);
        }
        List<ServicePoint> points = nodePoints();
        Path dir = options.runDirectory("capacity");
        System.out.printf("capacity: run folder %s, %d cores, %d node points in the network%n", dir, cores,
                points.size());

        List<CapacityStep> steps = new ArrayList<>();
        // Closed in reverse order: the trickle stops before the nodes it takes in cases at.
        try (CapacityCentral central = central(dir);
             NodeFleet fleet = new NodeFleet(central, dir.resolve("nodes"), SyncTimings.defaults(),
                     options.integer("start-threads", 4), options.integer("ready-minutes", 15),
                     nodeDatabases.equals("template"));
             CaseTrickle trickle = new CaseTrickle(casesPerNodeHour)) {
            System.out.printf("capacity: central %s (log %s)%n", central.url(), central.log());
            for (int i = 0; i < series.length; i++) {
                int target = series[i];
                if (target > points.size()) {
                    System.out.printf("capacity: stopped before N=%d: the network has only %d village and township "
                            + "points, and each simulated node takes one of them%n", target, points.size());
                    break;
                }
                long simulatorErrors = ProcessMemory.errorLines(simulatorLog);
                long centralErrors = central.errorLines();
                double simulatorCpu = ProcessCpu.seconds(ownPid);
                double centralCpu = central.cpuSeconds();
                String loadBefore = ProcessMemory.loadAverage();
                NodeFleet.Ramp ramp = fleet.growTo(points.subList(0, target));
                int added = Math.max(1, ramp.ready().size() + ramp.failed());
                double simulatorRampCpu = ProcessCpu.seconds(ownPid) - simulatorCpu;
                double centralRampCpu = central.cpuSeconds() - centralCpu;
                // Includes preparing the node templates in the first step, a few seconds.
                System.out.printf("capacity: N=%d ramp (load %s, then %s) used CPU: simulator %.0f s (%.1f s a new "
                        + "node), central %.0f s (%.1f s a new node)%n", target, loadBefore,
                        ProcessMemory.loadAverage(), simulatorRampCpu, simulatorRampCpu / added, centralRampCpu,
                        centralRampCpu / added);
                // In some runs central sends a new node its initial load a second time, 14 to 20 s
                // after the first. The window begins after a settle time, so that load counts
                // with the ramp and not as an error of the steady state.
                Thread.sleep(settleSeconds * 1000);
                // Errors while nodes register and settle are reported but not counted against the
                // step, whose errors are those of its measurement window.
                System.out.printf("capacity: N=%d ready after %d s, %d nodes failed; ERROR lines while starting and "
                        + "settling for %d s: simulator %d, central %d%n", target, ramp.seconds(), ramp.failed(),
                        settleSeconds,
                        ProcessMemory.errorLines(simulatorLog) - simulatorErrors, central.errorLines() - centralErrors);
                trickle.addNodes(ramp.ready());
                if (i == 0) {
                    trickle.start();
                }
                CapacityStep step = measure(i + 1, target, ramp, windowSeconds, central, trickle, fleet);
                steps.add(step);
                System.out.println(CapacityStep.header());
                System.out.println(step.row());
                System.out.printf("capacity: RESULT N=%d errors: %s%n", target, step.errors());
                double machinePercent = (step.centralCpuPercent() + step.simulatorCpuPercent()) / cores;
                if (step.errors().total() > 0) {
                    System.out.printf("capacity: stopped after N=%d because errors appeared%n", target);
                    break;
                }
                if (machinePercent >= maxCpuPercent) {
                    System.out.printf("capacity: stopped after N=%d because central and the simulator used %.0f%% "
                            + "of the machine's CPU (limit --max-cpu-percent=%.0f)%n", target, machinePercent,
                            maxCpuPercent);
                    break;
                }
            }
        }
        System.out.println("capacity: summary (CPU in % of one core; the machine has " + cores + ")");
        System.out.println(CapacityStep.header());
        steps.forEach(step -> System.out.println(step.row()));
        return steps;
    }

    private CapacityStep measure(int number, int nodes, NodeFleet.Ramp ramp, long windowSeconds,
                                 CapacityCentral central, CaseTrickle trickle, NodeFleet fleet)
            throws InterruptedException {
        String loadBefore = ProcessMemory.loadAverage();
        double centralCpu = central.cpuSeconds();
        double ownCpu = ProcessCpu.seconds(ownPid);
        SyncRunCounts runs = fleet.runCounts();
        long ownErrors = ProcessMemory.errorLines(simulatorLog);
        long centralErrors = central.errorLines();
        long failedIntakes = trickle.failedIntakes();
        long begin = System.nanoTime();
        System.out.printf("capacity: N=%d measuring for %d s (load %s)%n", nodes, windowSeconds, loadBefore);

        trickle.window(number);
        Thread.sleep(windowSeconds * 1000);
        trickle.window(0);
        double wallSeconds = (System.nanoTime() - begin) / 1e9;
        double centralPercent = (central.cpuSeconds() - centralCpu) / wallSeconds * 100;
        double ownPercent = (ProcessCpu.seconds(ownPid) - ownCpu) / wallSeconds * 100;
        double centralRss = central.rssMegabytes();
        double ownRss = ProcessMemory.rssMegabytes(ownPid);
        SyncRunCounts runsAfter = fleet.runCounts();
        String loadAfter = ProcessMemory.loadAverage();

        long graceEnd = System.nanoTime() + GRACE_NANOS;
        while (trickle.pendingIn(number) > 0 && System.nanoTime() < graceEnd) {
            Thread.sleep(200);
        }
        Samples latency = new Samples();
        long missing = 0;
        for (CaseTrickle.Delivered delivered : trickle.deliveredIn(number)) {
            latency.add(delivered.nanos());
            // Central acknowledged the batch, so its API must return the case.
            if (!central.hasCase(delivered.caseNo())) {
                missing++;
            }
        }
        CapacityStep.Errors errors = new CapacityStep.Errors(ramp.failed(),
                runsAfter.failedPushes() - runs.failedPushes(), runsAfter.failedPulls() - runs.failedPulls(),
                fleet.batchesInError(), trickle.failedIntakes() - failedIntakes, trickle.pendingIn(number), missing,
                ProcessMemory.errorLines(simulatorLog) - ownErrors, central.errorLines() - centralErrors);
        return new CapacityStep(nodes, loadBefore, loadAfter, ramp.seconds(), Math.round(wallSeconds), centralPercent,
                centralRss, ownPercent, ownRss, latency.size(), latency.percentileMillis(50),
                latency.percentileMillis(99), latency.percentileMillis(100), errors);
    }

    private CapacityCentral central(Path dir) {
        String url = options.text("central", null);
        if (url == null) {
            String config = options.text("central-config", null);
            return CapacityCentral.start(dir, options.centralFlags(), config == null ? null : Path.of(config));
        }
        String password = System.getenv("SIYIBAN_ADMIN_PASSWORD");
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("--central needs the admin's password in SIYIBAN_ADMIN_PASSWORD");
        }
        String log = options.text("central-log", null);
        return CapacityCentral.target(url, options.text("admin", "admin"), password,
                options.integer("central-pid", 0), log == null ? null : Path.of(log));
    }

    /** Returns the points that run a node, villages first, each level in code order. */
    static List<ServicePoint> nodePoints() {
        return Network.shipped().points().stream()
                .filter(p -> p.level() == PointLevel.VILLAGE || p.level() == PointLevel.TOWNSHIP)
                .sorted(Comparator.comparing((ServicePoint p) -> p.level() != PointLevel.VILLAGE)
                        .thenComparing(ServicePoint::code))
                .toList();
    }
}
