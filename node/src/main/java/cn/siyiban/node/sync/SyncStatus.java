package cn.siyiban.node.sync;

import java.time.LocalDateTime;

/**
 * The node's sync state as {@code GET /api/sync} returns it and every page header shows it.
 *
 * @param configured whether the node is set up to sync with a central at all
 * @param linkUp whether the last push or pull reached central; null before the first attempt
 * @param problem the current problem in Chinese, or null
 * @param lastPush end of the last push that reached central, or null
 * @param lastPull end of the last pull that reached central, or null
 * @param batchesWaiting batches captured here and not yet acknowledged by central
 * @param rowsWaiting rows in those batches
 * @param batchesInError batches in error in either direction
 * @param clockOffsetSeconds central's clock minus this machine's at the last check, or null
 *                           before a check reached central
 * @param clockProblem a Chinese warning when the clocks differ by more than 5 minutes, or null
 */
public record SyncStatus(boolean configured, String centralUrl, boolean registered, Boolean linkUp,
                         LocalDateTime linkSince, String problem, LocalDateTime lastPush, LocalDateTime lastPull,
                         long batchesWaiting, long rowsWaiting, long batchesInError, Long clockOffsetSeconds,
                         String clockProblem) {

    public static SyncStatus standalone() {
        return new SyncStatus(false, null, false, null, null, "本节点未配置县级中心地址，只在本机保存办件", null, null,
                0, 0, 0, null, null);
    }
}
