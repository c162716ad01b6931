package cn.siyiban.sync;

/**
 * How often the SymmetricDS jobs run, in milliseconds. The defaults favour quick delivery of a
 * case over the load of many nodes polling central.
 * NOTE: whether central carries 248 nodes pulling every second is not measured yet.
 *
 * @param pushMillis period of a node's push job, and of central's push job (unused by central)
 * @param pullMillis period of a node's pull job
 * @param routingMillis period of the routing job that assigns captured rows to batches
 * @param heartbeatMillis period of the heartbeat that reports a node's host, clock and versions
 */
public record SyncTimings(long pushMillis, long pullMillis, long routingMillis, long heartbeatMillis) {

    /**
     * Returns the shipped defaults. A row waits up to one routing period to be put in a batch and
     * then up to one push or pull period to be sent. With push and pull every 2 s and routing
     * every 1 s, ops/bench/run latency measured a p99 of 2.0 s from a node to central and 2.2 s
     * back, over the 2 s target. With these periods it measured 1.5 s both ways (figures in
     * docs/benchmarks.md). An idle push sends nothing, and routing reads only the local
     * database, so only the pull adds requests to central.
     */
    public static SyncTimings defaults() {
        return new SyncTimings(1_000, 1_000, 500, 60_000);
    }
}
