package cn.siyiban.ops.bench;

/**
 * Figures of one step of the capacity simulator, measured over its window with N nodes running.
 * CPU percentages are of one core, so 200% is both cores of a 2-core machine.
 *
 * @param loadBefore 1-minute load average of the machine when the window began
 * @param rampSeconds time the step's new nodes took to register and receive their initial load
 * @param errors the sum of every error kind below
 */
record CapacityStep(int nodes, String loadBefore, String loadAfter, long rampSeconds, long windowSeconds,
                    double centralCpuPercent, double centralRssMb, double simulatorCpuPercent,
                    double simulatorRssMb, int cases, double p50Millis, double p99Millis, double maxMillis,
                    Errors errors) {

    /**
     * Errors of one step.
     *
     * @param registration nodes that did not register and receive their initial load in time
     * @param failedPushes push runs that failed, over all nodes
     * @param failedPulls pull runs that failed, over all nodes
     * @param batchesInError outgoing and incoming batches in error at the nodes at the end
     * @param intakes intakes that failed at a node
     * @param undelivered cases of the window central had not acknowledged after the grace time
     * @param missingAtCentral acknowledged cases that central's API did not return
     * @param simulatorLog ERROR lines that the simulator's log gained during the step
     * @param centralLog ERROR lines that central's log gained during the step
     */
    record Errors(long registration, long failedPushes, long failedPulls, long batchesInError, long intakes,
                  long undelivered, long missingAtCentral, long simulatorLog, long centralLog) {

        long total() {
            return registration + failedPushes + failedPulls + batchesInError + intakes + undelivered
                    + missingAtCentral + simulatorLog + centralLog;
        }

        @Override
        public String toString() {
            return String.format("registration %d, failed pushes %d, failed pulls %d, batches in error %d, "
                    + "intakes %d, undelivered %d, missing at central %d, ERROR lines simulator %d, central %d",
                    registration, failedPushes, failedPulls, batchesInError, intakes, undelivered, missingAtCentral,
                    simulatorLog, centralLog);
        }
    }

    static String header() {
        return String.format("%6s | %11s | %6s | %7s | %11s | %11s | %9s | %9s | %5s | %8s | %8s | %8s | %6s",
                "N", "load1 b/a", "ramp s", "window", "central CPU", "central RSS", "sim CPU", "sim RSS", "cases",
                "p50 ms", "p99 ms", "max ms", "errors");
    }

    String row() {
        return String.format("%6d | %5s/%-5s | %6d | %5d s | %10.1f%% | %8.0f MB | %8.1f%% | %6.0f MB | %5d | %8.0f "
                + "| %8.0f | %8.0f | %6d", nodes, loadBefore, loadAfter, rampSeconds, windowSeconds,
                centralCpuPercent, centralRssMb, simulatorCpuPercent, simulatorRssMb, cases, p50Millis, p99Millis,
                maxMillis, errors.total());
    }
}
