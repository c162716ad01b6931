package cn.siyiban.central.ratings;

import cn.siyiban.core.ratings.Rating;
import cn.siyiban.core.ratings.RatingAnnulment;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The rectification item of a bad rating with its history.
 *
 * @param openedAt when the rating reached central, in county time; the deadline counts from here
 * @param dueOn last working day to close the item
 * @param assignee username of the owner named by the latest assign step, null while unassigned
 * @param annulment central's annulment of the rating, null while the rating counts
 * @param steps the history, oldest first
 */
public record Item(Rating rating, LocalDateTime openedAt, LocalDate dueOn, String assignee,
                   RatingAnnulment annulment, List<Step> steps) {

    public Item {
        steps = List.copyOf(steps);
    }

    /**
     * Returns the status from the furthest step of the loop. The loop's steps can only be recorded
     * in order, so the furthest is also the latest, and steps written in the same millisecond
     * cannot confuse it.
     */
    public ItemStatus status() {
        StepKind furthest = null;
        for (Step step : steps) {
            if (step.kind() != StepKind.ASSIGN && (furthest == null || step.kind().compareTo(furthest) > 0)) {
                furthest = step.kind();
            }
        }
        return ItemStatus.after(furthest, annulment != null);
    }

    /** Returns whether the item is still open after its last working day. */
    public boolean overdue(LocalDate today) {
        return !status().done() && dueOn != null && today.isAfter(dueOn);
    }
}
