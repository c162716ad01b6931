package cn.siyiban.central.ratings;

import cn.siyiban.central.auth.CentralAccess;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.ratings.Rating;
import cn.siyiban.core.ratings.RatingAnnulment;
import cn.siyiban.core.ratings.RatingFigures;
import cn.siyiban.core.ratings.RatingStore;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.staff.StaffStore;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.web.Json;
import cn.siyiban.core.web.PointNames;
import cn.siyiban.core.web.SessionGuard;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The county admin's 好差评 API: the rectification items and their steps, annulment of a rating,
 * the overview with the follow-up rate, and the ranking of points and clerks.
 */
public final class RatingAdminRoutes {

    private final Rectifications rectifications;
    private final RatingStore ratings;
    private final RatingReport report;
    private final StaffStore staffStore;
    private final PointNames pointNames;
    private final CountyClock clock;
    private final ObjectMapper mapper;

    public RatingAdminRoutes(Rectifications rectifications, RatingStore ratings, RatingReport report,
                             StaffStore staffStore, PointNames pointNames, CountyClock clock, ObjectMapper mapper) {
        this.rectifications = rectifications;
        this.ratings = ratings;
        this.report = report;
        this.staffStore = staffStore;
        this.pointNames = pointNames;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** The body of a new step; {@code assignee} is the owner's username, only for an assign step. */
    public record StepRequest(String kind, String assignee, String note) {
    }

    public record AnnulRequest(String reason) {
    }

    /** The body of {@code GET /api/rectifications}, where {@code total} counts the items on all pages. */
    public record ItemList(List<ItemView> items, int total, int page, int size) {
    }

    /** One rated point or clerk in the ranking; {@code clerk} and {@code clerkName} are null for a point. */
    public record RankEntry(int rank, String pointCode, String pointName, String clerk, String clerkName, int count,
                            double average) {
    }

    public void register(RoutesConfig routes) {
        // The fixed paths come before /api/ratings/{id}, which would match them too.
        routes.get("/api/ratings/summary", this::summary);
        routes.get("/api/ratings/ranking", this::ranking);
        routes.get("/api/ratings/{id}", this::rating);
        routes.post("/api/ratings/{id}/annulment", this::annul);
        routes.get("/api/rectifications", this::items);
        routes.get("/api/rectifications/{ratingId}", ctx -> {
            admin(ctx);
            ctx.json(new Names().view(rectifications.find(ctx.pathParam("ratingId"))));
        });
        routes.post("/api/rectifications/{ratingId}/steps", this::addStep);
    }

    private void summary(Context ctx) {
        admin(ctx);
        ctx.json(report.summary(rectifications.counts(today())));
    }

    /** Returns {@code {"points": [...], "clerks": [...]}}; {@code minCount} leaves out those with fewer ratings. */
    private void ranking(Context ctx) {
        admin(ctx);
        int minCount = minCount(ctx.queryParam("minCount"));
        Map<String, List<RankEntry>> ranking = new LinkedHashMap<>();
        ranking.put("points", entries(report.points(minCount)));
        ranking.put("clerks", entries(report.clerks(minCount)));
        ctx.json(ranking);
    }

    private void rating(Context ctx) {
        admin(ctx);
        String id = ctx.pathParam("id");
        Rating rating = ratings.findById(id).orElseThrow(() ->
                DomainException.notFound("rating_not_found", "未找到评价" + id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rating", rating);
        body.put("annulment", ratings.annulment(id).orElse(null));
        ctx.json(body);
    }

    private void annul(Context ctx) {
        Staff staff = admin(ctx);
        AnnulRequest request = Json.read(ctx, mapper, AnnulRequest.class);
        RatingAnnulment annulment = rectifications.annul(ctx.pathParam("id"), request.reason(), staff);
        ctx.status(201).json(annulment);
    }

    /**
     * Lists one page of the items, newest first: {@code page} from 1, {@code size} up to
     * {@value Paging#MAX_SIZE} ({@value Paging#DEFAULT_SIZE} by default), and {@code status=open}
     * keeps only those not done.
     */
    private void items(Context ctx) {
        admin(ctx);
        boolean openOnly = "open".equals(ctx.queryParam("status"));
        Paging paging = Paging.of(ctx.queryParam("page"), ctx.queryParam("size"));
        ItemPage page = rectifications.page(openOnly, paging);
        Names names = new Names();
        ctx.json(new ItemList(page.items().stream().map(names::view).toList(), page.total(), paging.page(),
                paging.size()));
    }

    private void addStep(Context ctx) {
        Staff staff = admin(ctx);
        StepRequest request = Json.read(ctx, mapper, StepRequest.class);
        Item item = rectifications.addStep(ctx.pathParam("ratingId"), StepKind.fromCode(request.kind()),
                request.assignee(), request.note(), staff);
        ctx.status(201).json(new Names().view(item));
    }

    private List<RankEntry> entries(List<RatingFigures.Figure> figures) {
        Names names = new Names();
        return IntStream.range(0, figures.size()).mapToObj(i -> {
            RatingFigures.Figure figure = figures.get(i);
            return new RankEntry(i + 1, figure.pointCode(), names.point(figure.pointCode()), figure.clerk(),
                    figure.clerk() == null ? null : names.staff(figure.clerk()), figure.count(),
                    Math.round(figure.average() * 100) / 100.0);
        }).toList();
    }

    private static int minCount(String text) {
        return Paging.number(text, 1, 10_000, "invalid_min_count", "minCount", "最少评价数");
    }

    /**
     * The names of one response, each read once, because a list of hundreds of items names the
     * same few points and clerks. With one query per name, 800 items took 7.0 s on Derby, and
     * 1.7 s with this cache (docs/benchmarks.md, "Ratings at central").
     */
    private final class Names {
        private final Map<String, String> staff = staffStore.all().stream()
                .collect(Collectors.toMap(Staff::username, Staff::displayName));
        private final Map<String, String> points = new HashMap<>();

        String staff(String username) {
            return staff.getOrDefault(username, username);
        }

        String point(String code) {
            return points.computeIfAbsent(code, pointNames::name);
        }

        ItemView view(Item item) {
            return ItemView.of(item, today(), this::point, this::staff);
        }
    }

    private LocalDate today() {
        return clock.now().toLocalDate();
    }

    private static Staff admin(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        CentralAccess.requireAdmin(staff);
        return staff;
    }
}
