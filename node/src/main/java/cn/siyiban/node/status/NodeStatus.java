package cn.siyiban.node.status;

import java.time.LocalDateTime;

/**
 * One reading of the node's own status, as stored in {@code sy_node_status}.
 *
 * @param catalogueVersion the catalogue version in force at the node, 0 before the first load
 * @param freeDiskBytes bytes the node's user may still write on the file system of the data folder
 * @param totalDiskBytes size of that file system, in bytes
 * @param databaseBytes size of the Derby database folder, in bytes
 * @param reportedAt county time of the reading, in the node's own clock
 */
public record NodeStatus(String pointCode, String siyibanVersion, int catalogueVersion, long freeDiskBytes,
                         long totalDiskBytes, long databaseBytes, LocalDateTime reportedAt) {
}
