package cn.siyiban.ops.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Measured durations in nanoseconds, with the percentiles of their distribution. */
final class Samples {

    private final List<Long> nanos = new ArrayList<>();

    synchronized void add(long value) {
        nanos.add(value);
    }

    synchronized void addAll(Samples other) {
        nanos.addAll(other.sorted());
    }

    synchronized int size() {
        return nanos.size();
    }

    synchronized List<Long> sorted() {
        List<Long> copy = new ArrayList<>(nanos);
        Collections.sort(copy);
        return copy;
    }

    /** Returns the {@code p}-th percentile (0 to 100) in milliseconds, by the nearest-rank method. */
    double percentileMillis(double p) {
        List<Long> sorted = sorted();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
    }

    double medianMillis() {
        return percentileMillis(50);
    }

    synchronized double sumMillis() {
        return nanos.stream().mapToLong(Long::longValue).sum() / 1e6;
    }

    /** Returns "n=…, p50 … ms, p99 … ms, max … ms". */
    String summary() {
        return String.format("n=%d, p50 %.1f ms, p99 %.1f ms, max %.1f ms", size(), percentileMillis(50),
                percentileMillis(99), percentileMillis(100));
    }
}
