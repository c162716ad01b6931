package cn.siyiban.core.ratings;

import java.time.LocalDateTime;

/**
 * Central's finding that a rating was malicious or mistaken. The rating stays stored; it only
 * leaves averages and rankings.
 *
 * @param annulledBy username of the county admin who annulled it
 */
public record RatingAnnulment(String ratingId, String originPoint, String reason, String annulledBy,
                              LocalDateTime annulledAt) {
}
