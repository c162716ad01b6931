package cn.siyiban.node.ratings;

import cn.siyiban.core.ratings.RatingFigures;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.staff.StaffStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The clerk stars of this point (网购式 choice of a clerk): every enabled clerk of the point with
 * the average and count of their ratings. The figures come from the point's own ratings, which
 * the node stores anyway, minus the annulments that central sends down. So the page works
 * offline and needs no figures from central.
 */
public final class ClerkStarRoutes {

    private final RatingFigures figures;
    private final StaffStore staffStore;
    private final String point;

    public ClerkStarRoutes(RatingFigures figures, StaffStore staffStore, String point) {
        this.figures = figures;
        this.staffStore = staffStore;
        this.point = point;
    }

    /**
     * One clerk on the page.
     *
     * @param average mean overall level rounded to one decimal, null while the clerk has no rating
     */
    public record ClerkStar(String username, String displayName, String roleLabel, int count, Double average) {
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/clerk-stars", this::list);
    }

    /** Lists the clerks by average, best first, and those without ratings last by name. */
    private void list(Context ctx) {
        Map<String, RatingFigures.Figure> byClerk = figures.byClerk(point).stream()
                .collect(Collectors.toMap(RatingFigures.Figure::clerk, Function.identity()));
        List<ClerkStar> stars = staffStore.all().stream()
                .filter(staff -> staff.enabled() && staff.role().takesIntake() && point.equals(staff.pointCode()))
                .map(staff -> star(staff, byClerk.get(staff.username())))
                .sorted(Comparator.comparing((ClerkStar star) -> star.average() == null ? 0 : star.average())
                        .reversed().thenComparing(ClerkStar::displayName))
                .toList();
        ctx.json(stars);
    }

    private static ClerkStar star(Staff staff, RatingFigures.Figure figure) {
        if (figure == null) {
            return new ClerkStar(staff.username(), staff.displayName(), staff.role().label(), 0, null);
        }
        return new ClerkStar(staff.username(), staff.displayName(), staff.role().label(), figure.count(),
                Math.round(figure.average() * 10) / 10.0);
    }
}
