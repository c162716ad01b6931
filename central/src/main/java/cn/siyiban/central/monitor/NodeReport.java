package cn.siyiban.central.monitor;

import java.time.LocalDateTime;

/**
 * The status a node reported about itself in {@code sy_node_status}, which reaches central by
 * sync about once per heartbeat period.
 *
 * @param catalogueVersion the catalogue version in force at the node when it reported
 * @param freeDiskBytes bytes still free for the node on the file system of its data folder
 * @param totalDiskBytes size of that file system, in bytes
 * @param databaseBytes size of the node's Derby database folder, in bytes
 * @param reportedAt county time of the report, in the node's own clock
 * @param freeDiskPercent the free share of the disk in percent, rounded down, 0 for an unknown size
 * @param diskLow whether the free share is below {@code monitor.disk.low.percent}
 */
public record NodeReport(String siyibanVersion, int catalogueVersion, long freeDiskBytes, long totalDiskBytes,
                         long databaseBytes, LocalDateTime reportedAt, int freeDiskPercent, boolean diskLow) {
}
