package cn.siyiban.core.ratings;

import java.time.LocalDateTime;

/**
 * One citizen's rating of one visit, as stored in {@code sy_rating}. Levels run from 1 (非常不满意)
 * to 5 (非常满意).
 *
 * @param id the visit id that the rating page created when it opened
 * @param caseNo the rated case, null for a visit without a case
 * @param clerk username of the clerk who served the citizen
 * @param overall 整体满意度, the level that averages and rectification use
 * @param efficiency 服务效率, null when skipped
 * @param competence 服务水平, null when skipped
 * @param attitude 服务态度, null when skipped
 * @param realName whether the citizen is on record, which is the case when the rating names a case
 */
public record Rating(String id, String originPoint, String caseNo, String clerk, int overall, Integer efficiency,
                     Integer competence, Integer attitude, String comment, boolean realName,
                     LocalDateTime ratedAt) {

    /** The lowest overall level that opens no rectification item at central. */
    public static final int FIRST_GOOD_LEVEL = 3;

    /** Returns whether this rating opens a rectification item: an overall level of 1 or 2. */
    public boolean bad() {
        return overall < FIRST_GOOD_LEVEL;
    }
}
