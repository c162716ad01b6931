package cn.siyiban.ops.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the benchmarks named on the command line, in the order given; {@code ops/bench/run} is
 * the documented way to call it. Arguments starting with {@code --} are options shared by all
 * named benchmarks; the figures go to standard output, each result on a line with "RESULT".
 */
public final class BenchMain {

    /** Benchmark names in their default order, which is their order of priority. */
    static final List<String> NAMES = List.of("capture", "intake", "latency", "backlog");

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> names = new ArrayList<>();
        List<String> optionArgs = new ArrayList<>();
        for (String arg : args) {
            (arg.startsWith("--") ? optionArgs : names).add(arg);
        }
        if (names.isEmpty()) {
            names.addAll(NAMES);
        }
        BenchOptions options = new BenchOptions(optionArgs, Path.of("target", "bench").toAbsolutePath());
        Map<String, Long> seconds = new LinkedHashMap<>();
        for (String name : names) {
            long begin = System.nanoTime();
            switch (name) {
                case "capture" -> new CaptureBenchmark(options).run();
                case "intake" -> new IntakeBenchmark(options).run();
                case "latency" -> new LatencyBenchmark(options).run();
                case "backlog" -> new BacklogBenchmark(options).run();
                default -> throw new IllegalArgumentException("unknown benchmark " + name + "; expected one of " + NAMES);
            }
            seconds.put(name, (System.nanoTime() - begin) / 1_000_000_000);
        }
        seconds.forEach((name, took) -> System.out.printf("%s took %d s%n", name, took));
        // SymmetricDS's Derby functions and the HTTP clients leave non-daemon threads behind.
        System.exit(0);
    }
}
