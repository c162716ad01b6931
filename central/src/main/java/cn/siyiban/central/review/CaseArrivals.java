package cn.siyiban.central.review;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.time.CountyClock;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The times cases reached central, read from {@code sy_case_arrival}, and the check of a node's
 * clock against them. A case row cannot reach central before the node wrote it, so a
 * {@code created_at} later than the arrival means the node's clock was ahead.
 */
public final class CaseArrivals {

    /**
     * How far a case's recorded intake time may lie after its arrival before the node's clock
     * counts as off. It absorbs the seconds between two clocks that both follow NTP loosely.
     */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);
    /** Case numbers per query, below Derby's limit on the size of an IN list. */
    private static final int CHUNK = 200;

    private final Database database;

    public CaseArrivals(Database database) {
        this.database = database;
    }

    /** Returns the arrival time in county time of each case number that has one. */
    public Map<String, LocalDateTime> arrivals(Collection<String> caseNos) {
        List<String> numbers = List.copyOf(caseNos);
        Map<String, LocalDateTime> arrivals = new HashMap<>();
        for (int start = 0; start < numbers.size(); start += CHUNK) {
            List<String> chunk = numbers.subList(start, Math.min(numbers.size(), start + CHUNK));
            arrivals.putAll(query(chunk));
        }
        return arrivals;
    }

    private Map<String, LocalDateTime> query(List<String> caseNos) {
        String marks = String.join(", ", Collections.nCopies(caseNos.size(), "?"));
        return database.query(connection -> {
            Map<String, LocalDateTime> found = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT case_no, arrived_at FROM sy_case_arrival WHERE case_no IN (" + marks + ")")) {
                for (int i = 0; i < caseNos.size(); i++) {
                    select.setString(i + 1, caseNos.get(i));
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        found.put(row.getString(1), countyTime(row.getTimestamp(2)));
                    }
                }
            }
            return found;
        });
    }

    /**
     * Returns whether the node's clock was ahead when it recorded {@code createdAt}.
     *
     * <p>NOTE: a node clock that runs behind is not detected, because a case recorded offline
     * arrives hours or days after its intake anyway.
     */
    public static boolean clockOff(LocalDateTime createdAt, LocalDateTime arrivedAt) {
        return createdAt != null && arrivedAt != null && createdAt.isAfter(arrivedAt.plus(CLOCK_TOLERANCE));
    }

    /** Converts Derby's CURRENT_TIMESTAMP, written in the JVM's default zone, to county time. */
    private static LocalDateTime countyTime(Timestamp timestamp) {
        return LocalDateTime.ofInstant(timestamp.toInstant(), CountyClock.ZONE);
    }
}
