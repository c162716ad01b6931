package cn.siyiban.node.sync;

/**
 * Push and pull runs of the client engine since it started, from SymmetricDS's in-memory
 * communication records, which a restart resets to zero.
 *
 * @param pushes successful push runs
 * @param failedPushes push runs that failed, for example because central could not be reached
 * @param pulls successful pull runs
 * @param failedPulls pull runs that failed
 */
public record SyncRunCounts(long pushes, long failedPushes, long pulls, long failedPulls) {

    public static final SyncRunCounts NONE = new SyncRunCounts(0, 0, 0, 0);
}
