package cn.siyiban.central.settings;

import java.time.Duration;

/**
 * Thresholds and sampling of the sync monitor.
 *
 * @param offlineAfter a node without a heartbeat for longer than this is 离线 (offline); it must
 *                     be longer than the nodes' heartbeat period, or a healthy node would flicker
 * @param backlogAfter a node whose oldest batch not yet loaded is older than this is 滞后 (behind)
 * @param samplePeriod how often the backlog of every node is sampled for the 7-day plot;
 *                     {@link Duration#ZERO} turns sampling off
 * @param diskLowPercent a node whose free disk is below this percentage of its size raises the
 *                       "disk nearly full" alert
 */
public record MonitorSettings(Duration offlineAfter, Duration backlogAfter, Duration samplePeriod,
                              int diskLowPercent) {

    public static MonitorSettings defaults() {
        return new MonitorSettings(Duration.ofHours(2), Duration.ofMinutes(30), Duration.ofMinutes(5), 10);
    }
}
