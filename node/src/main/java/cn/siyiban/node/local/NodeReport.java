package cn.siyiban.node.local;

import cn.siyiban.node.sync.SyncStatus;
import java.time.LocalDateTime;

/**
 * What {@code GET /local/status} returns to {@code siyiban-node status}.
 *
 * @param initialLoadReceived whether the node has received central's initial load (reference
 *                            data, staff and the point's own cases); null for a standalone node
 * @param diskFreeBytes usable bytes on the file system of the data folder
 */
public record NodeReport(String point, String version, LocalDateTime startedAt, long uptimeSeconds, Integer cases,
                         SyncStatus sync, Boolean initialLoadReceived, String dataDir, long diskFreeBytes,
                         long diskTotalBytes) {
}
