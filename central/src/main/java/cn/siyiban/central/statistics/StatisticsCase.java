package cn.siyiban.central.statistics;

import cn.siyiban.core.catalogue.TimeClass;
import java.time.LocalDateTime;

/**
 * One case as the statistics read it.
 *
 * @param timeClass the matter's time class, null where the county published none
 * @param finishedAt first approval, rejection, result or delivery; null while the case is open
 */
record StatisticsCase(String originPoint, String matterCode, String matterName, String department,
                      LocalDateTime createdAt, LocalDateTime dueAt, boolean proxy, TimeClass timeClass,
                      LocalDateTime finishedAt) {
}
