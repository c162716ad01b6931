package cn.siyiban.sync;

/**
 * How often the SymmetricDS jobs run, in milliseconds. The defaults favour quick delivery of a
 * case over the load of many nodes polling central.
 * NOTE: at these periods 248 simulated nodes sharing two cores with central still had pulls
 * rejected as busy (docs/benchmarks.md). Central on a machine of its own is not measured.
 *
 * @param pushMillis period of a node's push job, and of central's push job (unused by central)
 * @param pullMillis period of a node's pull job, which each node shortens by up to a tenth
 *                   ({@link PullPeriodSpread})
 * @param routingMillis period of the routing job that assigns captured rows to batches
 * @param heartbeatMillis period of the heartbeat that reports a node's host, clock and versions
 */
public record SyncTimings(long pushMillis, long pullMillis, long routingMillis, long heartbeatMillis) {

    /**
     * Returns the shipped defaults. A row waits up to one routing period to be put in a batch and
     * then up to one push or pull period to be sent. At these periods ops/bench/run latency
     * measured a p99 of 2.0 to 2.3 s each way, around the 2 s target, and 1.5 s both ways with
     * push and pull every 1 s and routing every 0.5 s. Routing every 0.5 s alone left the
     * medians unchanged (docs/benchmarks.md).
     * NOTE: the faster periods are not shipped because OfflineVerticalSliceIT failed with them,
     * twice in two runs. Central's reverse initial load, queued after the node's first cases,
     * sends sy_case, sy_case_material and sy_case_event in separate batches on the reload
     * channel, so central briefly held cases without their intake event and returned HTTP 500.
     * The load ran after the first cases at these periods too, so the race is not fixed here.
     * Central now returns HTTP 409 case_incomplete for such a case instead, but the test has not
     * been run again at the faster periods.
     */
    public static SyncTimings defaults() {
        return new SyncTimings(2_000, 2_000, 1_000, 60_000);
    }
}
