package cn.siyiban.core.ratings;

import cn.siyiban.core.cases.CaseErrors;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.time.CountyClock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves a citizen's rating at the point: checks the levels and the case, keeps one rating per
 * visit and per case, and ties the rating to the clerk who handed over the screen.
 */
public final class RatingService {

    private static final Logger log = LoggerFactory.getLogger(RatingService.class);
    /** Maximum length of a comment in characters, the size of {@code sy_rating.comment_text}. */
    static final int MAX_COMMENT = 500;

    private final RatingStore ratings;
    private final CaseStore cases;
    private final CountyClock clock;
    private final String point;

    public RatingService(RatingStore ratings, CaseStore cases, CountyClock clock, String point) {
        this.ratings = ratings;
        this.cases = cases;
        this.clock = clock;
        this.point = point;
    }

    /** A saved rating, and whether this request saved it or found it saved by an earlier submit. */
    public record Result(Rating rating, boolean created) {
    }

    /**
     * Saves the rating of {@code request}, served by {@code clerk}. Every level from 1 to 5 is
     * accepted with or without a comment. Synchronized because a node serves a handful of
     * clerks: the checks for an earlier rating of the visit or the case and the insert then
     * never interleave, so a double submit returns the first rating instead of failing on the
     * unique constraint.
     */
    public synchronized Result rate(RatingRequest request, Staff clerk) {
        String id = visitId(request.id());
        int overall = level(request.overall(), "overall", "整体满意度", true);
        Integer efficiency = optionalLevel(request.efficiency(), "efficiency", "服务效率");
        Integer competence = optionalLevel(request.competence(), "competence", "服务水平");
        Integer attitude = optionalLevel(request.attitude(), "attitude", "服务态度");
        String comment = comment(request.comment());
        String caseNo = request.caseNo() == null || request.caseNo().isBlank() ? null : request.caseNo().strip();

        Optional<Rating> saved = ratings.findById(id);
        if (saved.isPresent()) {
            if (!Objects.equals(saved.get().caseNo(), caseNo)) {
                throw new DomainException(DomainException.Kind.CONFLICT, "rating_id_taken",
                        "此评价编号已用于另一次评价，请重新打开评价页面", Map.of("field", "id"));
            }
            return new Result(saved.get(), false);
        }
        if (caseNo != null) {
            if (cases.findByCaseNo(caseNo).isEmpty()) {
                throw CaseErrors.notFound(caseNo);
            }
            if (ratings.findByCaseNo(caseNo).isPresent()) {
                throw new DomainException(DomainException.Kind.CONFLICT, "case_already_rated",
                        "办件" + caseNo + "已经评价过，每件办件只能评价一次", Map.of("caseNo", caseNo));
            }
        }
        Rating rating = new Rating(id, point, caseNo, clerk.username(), overall, efficiency, competence, attitude,
                comment, caseNo != null, clock.now());
        ratings.database().inTransaction(connection -> {
            RatingStore.insert(connection, rating);
            return null;
        });
        log.info("Saved rating {} of level {} for clerk {} at point {}{}", id, overall, clerk.username(), point,
                caseNo == null ? " (visit without a case)" : " for case " + caseNo);
        return new Result(rating, true);
    }

    private static String visitId(String text) {
        try {
            return UUID.fromString(text == null ? "" : text.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_rating_id", "评价编号缺失或格式不正确，请重新打开评价页面", "id");
        }
    }

    private static Integer optionalLevel(Integer value, String field, String name) {
        return value == null ? null : level(value, field, name, false);
    }

    private static int level(Integer value, String field, String name, boolean required) {
        if (value == null && required) {
            throw DomainException.invalid("rating_level_missing", "请选择" + name, field);
        }
        if (value == null || value < RatingLevels.MIN || value > RatingLevels.MAX) {
            throw DomainException.invalid("invalid_rating_level", name + "的评价等级必须是 1 到 5", field);
        }
        return value;
    }

    private static String comment(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String comment = text.strip();
        if (comment.length() > MAX_COMMENT) {
            throw DomainException.invalid("comment_too_long", "意见建议最多 " + MAX_COMMENT + " 个字", "comment");
        }
        return comment;
    }
}
