package cn.siyiban.node.ratings;

import cn.siyiban.core.cases.CaseRecord;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.ratings.Rating;
import cn.siyiban.core.ratings.RatingLevels;
import cn.siyiban.core.ratings.RatingRequest;
import cn.siyiban.core.ratings.RatingService;
import cn.siyiban.core.ratings.RatingStore;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.web.Json;
import cn.siyiban.core.web.SessionGuard;
import cn.siyiban.node.auth.Access;
import cn.siyiban.node.cases.VisibleCases;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.util.Collections;

/**
 * The rating API of the node: saving a citizen's rating from the rating page and reading the
 * rating of a case. Only clerks call it, because the page runs in the clerk's session on the
 * screen the clerk hands over.
 */
public final class RatingRoutes {

    private final RatingService service;
    private final RatingStore ratings;
    private final VisibleCases visibleCases;
    private final ObjectMapper mapper;

    public RatingRoutes(RatingService service, RatingStore ratings, CaseStore cases, ObjectMapper mapper) {
        this.service = service;
        this.ratings = ratings;
        this.visibleCases = new VisibleCases(cases);
        this.mapper = mapper;
    }

    /**
     * A saved rating as the API returns it.
     *
     * @param overallLabel Chinese name of the overall level, such as 满意
     * @param annulled whether central annulled the rating
     */
    public record RatingView(String id, String caseNo, String clerk, int overall, String overallLabel,
                             Integer efficiency, Integer competence, Integer attitude, String comment,
                             boolean realName, LocalDateTime ratedAt, boolean annulled) {

        static RatingView of(Rating rating, boolean annulled) {
            return new RatingView(rating.id(), rating.caseNo(), rating.clerk(), rating.overall(),
                    RatingLevels.label(rating.overall()), rating.efficiency(), rating.competence(), rating.attitude(),
                    rating.comment(), rating.realName(), rating.ratedAt(), annulled);
        }
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/ratings", this::rate);
        routes.get("/api/cases/{caseNo}/rating", this::ofCase);
    }

    /** Saves a rating: 201 for a new one, 200 with the saved one for a repeated submit of the same visit. */
    private void rate(Context ctx) {
        Staff clerk = SessionGuard.staff(ctx);
        Access.requireIntake(clerk);
        RatingRequest request = Json.read(ctx, mapper, RatingRequest.class);
        if (request.caseNo() != null && !request.caseNo().isBlank()) {
            visibleCases.require(clerk, request.caseNo().strip());
        }
        RatingService.Result result = service.rate(request, clerk);
        ctx.status(result.created() ? 201 : 200).json(view(result.rating()));
    }

    /** Returns {@code {"rating": ...}}, with null while the case has no rating. */
    private void ofCase(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        CaseRecord record = visibleCases.require(staff, ctx.pathParam("caseNo"));
        ctx.json(Collections.singletonMap("rating",
                ratings.findByCaseNo(record.caseNo()).map(this::view).orElse(null)));
    }

    private RatingView view(Rating rating) {
        return RatingView.of(rating, ratings.annulment(rating.id()).isPresent());
    }
}
