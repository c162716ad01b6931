package cn.siyiban.central.monitor;

import java.time.LocalDateTime;

/**
 * The sync figures of one village or township point, as {@code GET /api/sync/nodes} returns
 * them. Times are county time. Figures a node has not reported yet are null.
 *
 * @param group SymmetricDS node group of the point's node
 * @param township code of the township the point belongs to (a township's own code)
 * @param status {@link SyncState#code()}
 * @param nodeId SymmetricDS node id, null before registration
 * @param lastHeartbeat the node's latest heartbeat, in the node's own clock
 * @param lastPush the latest batch central received from the node, as of the latest sample
 * @param lastPull the latest batch the node acknowledged as loaded, as of the latest sample
 * @param outgoingBatches batches central holds for the node, not yet loaded by it
 * @param outgoingRows data rows in those batches
 * @param oldestUnsent creation time of the oldest of those batches
 * @param incomingBatches batches the node holds for central, as its latest heartbeat reported
 * @param incomingRows data rows in those batches
 * @param errorBatches batches in error, outgoing to the node and incoming from it
 * @param clockOffsetSeconds node clock minus central clock, estimated from the heartbeat
 * @param report the node's own status report (disk, database size, versions), null before the first
 */
public record SyncNode(String point, String name, String group, String township, String townshipName,
                       String status, String statusLabel, String nodeId, boolean syncEnabled,
                       LocalDateTime registeredAt, LocalDateTime lastHeartbeat, LocalDateTime lastPush,
                       LocalDateTime lastPull, int outgoingBatches, long outgoingRows, LocalDateTime oldestUnsent,
                       Integer incomingBatches, Long incomingRows, int errorBatches, String symmetricVersion,
                       String configVersion, Long clockOffsetSeconds, String hostName, String ipAddress,
                       LocalDateTime lastRestart, NodeReport report) {
}
