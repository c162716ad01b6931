package cn.siyiban.central.ratings;

import java.time.LocalDateTime;

/**
 * One step in the history of a rectification item, never changed after it is written.
 *
 * @param assignee the new owner of an assign step, null for the other kinds
 * @param actedBy username of the county admin who recorded the step
 */
public record Step(String id, String ratingId, StepKind kind, String assignee, String note, String actedBy,
                   LocalDateTime actedAt) {
}
