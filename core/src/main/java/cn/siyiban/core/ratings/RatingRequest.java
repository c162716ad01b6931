package cn.siyiban.core.ratings;

/**
 * The body of a rating submitted from the rating page.
 *
 * @param id the visit id, a UUID the page creates when it opens; a second submit with the same
 *           id returns the rating already saved
 * @param caseNo the rated case, or null for a visit without a case
 */
public record RatingRequest(String id, String caseNo, Integer overall, Integer efficiency, Integer competence,
                            Integer attitude, String comment) {
}
