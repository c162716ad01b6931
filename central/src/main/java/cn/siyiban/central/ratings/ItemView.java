package cn.siyiban.central.ratings;

import cn.siyiban.core.ratings.Rating;
import cn.siyiban.core.ratings.RatingAnnulment;
import cn.siyiban.core.ratings.RatingLevels;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A rectification item as the API returns it, with Chinese labels and names.
 *
 * @param ratingId the id of the rating, which is also the id of the item
 */
public record ItemView(String ratingId, String originPoint, String pointName, String caseNo, String clerk,
                       String clerkName, int overall, String overallLabel, Integer efficiency, Integer competence,
                       Integer attitude, String comment, boolean realName, LocalDateTime ratedAt,
                       LocalDateTime openedAt, LocalDate dueOn, boolean overdue, String status, String statusLabel,
                       String nextStep, String assignee, String assigneeName, RatingAnnulment annulment,
                       List<StepView> steps) {

    public record StepView(String kind, String kindLabel, String assignee, String assigneeName, String note,
                           String actedBy, LocalDateTime actedAt) {
    }

    /**
     * Builds the view of {@code item}.
     *
     * @param pointName the name of a point code
     * @param staffName the display name of a username, or the username when the account is gone
     */
    static ItemView of(Item item, LocalDate today, UnaryOperator<String> pointName, UnaryOperator<String> staffName) {
        Rating rating = item.rating();
        ItemStatus status = item.status();
        StepKind next = status.nextLoopStep();
        List<StepView> steps = item.steps().stream().map(step -> new StepView(step.kind().code(), step.kind().label(),
                step.assignee(), step.assignee() == null ? null : staffName.apply(step.assignee()), step.note(),
                step.actedBy(), step.actedAt())).toList();
        return new ItemView(rating.id(), rating.originPoint(), pointName.apply(rating.originPoint()), rating.caseNo(),
                rating.clerk(), staffName.apply(rating.clerk()), rating.overall(), RatingLevels.label(rating.overall()),
                rating.efficiency(), rating.competence(), rating.attitude(), rating.comment(), rating.realName(),
                rating.ratedAt(), item.openedAt(), item.dueOn(), item.overdue(today), status.code(), status.label(),
                next == null ? null : next.code(), item.assignee(),
                item.assignee() == null ? null : staffName.apply(item.assignee()), item.annulment(), steps);
    }
}
