package cn.siyiban.central.ratings;

/**
 * Counts of the rectification items for the rating overview, computed by the database.
 *
 * @param open items neither closed by their reply step nor annulled
 * @param overdue open items whose last working day is before today
 * @param followedUp items of real-name ratings, not annulled, closed by their reply to the citizen
 */
public record ItemCounts(int open, int overdue, int followedUp) {
}
