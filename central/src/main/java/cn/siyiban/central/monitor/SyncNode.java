package cn.siyiban.central.monitor;

import java.time.LocalDateTime;

/**
 * The sync status of one village or township point, as {@code GET /api/sync/nodes} returns it.
 *
 * @param group SymmetricDS node group of the point's node
 * @param status {@code unregistered}, {@code error}, {@code offline} or {@code ok}
 * @param lastContact the node's latest heartbeat in county time, null before the first one
 * @param pendingBatches outgoing batches for the node not yet loaded by it
 * @param errorBatches batches in error, outgoing to the node and incoming from it
 */
public record SyncNode(String point, String name, String group, String status, String statusLabel,
                       LocalDateTime lastContact, int pendingBatches, int errorBatches) {
}
