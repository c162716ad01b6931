package cn.siyiban.sync;

/**
 * How often the SymmetricDS jobs run, in milliseconds. The defaults favour quick delivery of a
 * case (one to two seconds each way on loopback) over the load of many nodes polling central.
 * NOTE: whether central carries 248 nodes at these periods is not measured yet.
 *
 * @param pushMillis period of a node's push job, and of central's push job (unused by central)
 * @param pullMillis period of a node's pull job
 * @param routingMillis period of the routing job that assigns captured rows to batches
 * @param heartbeatMillis period of the heartbeat that reports a node's host, clock and versions
 */
public record SyncTimings(long pushMillis, long pullMillis, long routingMillis, long heartbeatMillis) {

    /** Returns the shipped defaults. */
    public static SyncTimings defaults() {
        return new SyncTimings(2_000, 2_000, 1_000, 60_000);
    }
}
