package cn.siyiban.central.monitor;

import java.time.LocalDateTime;

/**
 * One open alert of the sync monitor. Alerts are derived from the current figures on every
 * read, so an alert clears itself as soon as its cause is gone.
 *
 * @param kind {@code offline}, {@code batch_error}, {@code clock_offset}, {@code disk_low},
 *             {@code unknown_registration} or {@code seal_unapproved}
 * @param point the node's point, null for an alert of central itself such as {@code seal_unapproved}
 * @param since when the cause began, in county time, as far as the figures show it
 */
public record SyncAlert(String kind, String point, String name, String message, LocalDateTime since) {
}
