package cn.siyiban.central.review;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.time.CountyClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The times cases reached central, read from {@code sy_case_arrival}, and the check of the
 * origin node's clock against them. Two signs show a node clock that was off when it recorded a
 * case: a {@code created_at} later than the arrival (a case row cannot reach central before the
 * node wrote it, so the clock was ahead), and the node's clock offset that the sync monitor
 * measured from its heartbeat just after the arrival (which also shows a clock that was behind).
 */
public final class CaseArrivals {

    /**
     * How far the clocks may disagree before a case counts as recorded with a wrong clock. It
     * absorbs the seconds between two clocks that both follow NTP loosely, and the few seconds of
     * push delay inside the monitor's offset estimate.
     */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);
    /** Case numbers per query, below Derby's limit on the size of an IN list. */
    private static final int CHUNK = 200;

    private final Database database;

    public CaseArrivals(Database database) {
        this.database = database;
    }

    /**
     * When a case reached central and how far its node's clock was off.
     *
     * @param arrivedAt county time by central's clock
     * @param nodeClockOffsetSeconds node clock minus central clock measured after the arrival, or
     *                               null until the sync monitor has sampled the node
     */
    public record Arrival(LocalDateTime arrivedAt, Long nodeClockOffsetSeconds) {
    }

    /** Returns the arrival of each case number that has one. */
    public Map<String, Arrival> arrivals(Collection<String> caseNos) {
        List<String> numbers = List.copyOf(caseNos);
        Map<String, Arrival> arrivals = new HashMap<>();
        for (int start = 0; start < numbers.size(); start += CHUNK) {
            List<String> chunk = numbers.subList(start, Math.min(numbers.size(), start + CHUNK));
            arrivals.putAll(query(chunk));
        }
        return arrivals;
    }

    private Map<String, Arrival> query(List<String> caseNos) {
        String marks = String.join(", ", Collections.nCopies(caseNos.size(), "?"));
        return database.query(connection -> {
            Map<String, Arrival> found = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT case_no, arrived_at, "
                    + "node_clock_offset_seconds FROM sy_case_arrival WHERE case_no IN (" + marks + ")")) {
                for (int i = 0; i < caseNos.size(); i++) {
                    select.setString(i + 1, caseNos.get(i));
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        long offset = row.getLong(3);
                        Long measured = row.wasNull() ? null : offset;
                        found.put(row.getString(1), new Arrival(countyTime(row.getTimestamp(2)), measured));
                    }
                }
            }
            return found;
        });
    }

    /**
     * Stamps every arrival since {@code since} that has no clock offset yet with the offset of the
     * first sync sample of its origin point taken at or after the arrival. The sync sampler calls
     * this after each round, so a case is stamped within one sample period of its arrival.
     *
     * <p>The lookup runs in Java because {@code arrived_at} is Derby's CURRENT_TIMESTAMP in the
     * JVM's default zone while {@code sampled_at} is county time, so SQL could not compare them.
     *
     * @return the number of arrivals stamped
     */
    public static int stampClockOffsets(Connection connection, LocalDateTime since) throws SQLException {
        Map<String, LocalDateTime> arrivedAt = new HashMap<>();
        Map<String, String> originPoint = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT case_no, origin_point, arrived_at "
                + "FROM sy_case_arrival WHERE node_clock_offset_seconds IS NULL AND origin_point IS NOT NULL "
                + "AND arrived_at >= ?")) {
            select.setTimestamp(1, Timestamp.from(since.atZone(CountyClock.ZONE).toInstant()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    originPoint.put(row.getString(1), row.getString(2));
                    arrivedAt.put(row.getString(1), countyTime(row.getTimestamp(3)));
                }
            }
        }
        int stamped = 0;
        try (PreparedStatement sample = connection.prepareStatement("SELECT clock_offset_seconds FROM sy_sync_sample "
                + "WHERE point_code = ? AND sampled_at >= ? AND clock_offset_seconds IS NOT NULL "
                + "ORDER BY sampled_at FETCH FIRST 1 ROWS ONLY");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE sy_case_arrival SET node_clock_offset_seconds = ? WHERE case_no = ?")) {
            for (Map.Entry<String, String> entry : originPoint.entrySet()) {
                sample.setString(1, entry.getValue());
                sample.setTimestamp(2, Timestamp.valueOf(arrivedAt.get(entry.getKey())));
                try (ResultSet row = sample.executeQuery()) {
                    if (row.next()) {
                        update.setLong(1, row.getLong(1));
                        update.setString(2, entry.getKey());
                        stamped += update.executeUpdate();
                    }
                }
            }
        }
        return stamped;
    }

    /** Returns whether the node's clock was off by more than the tolerance when it recorded {@code createdAt}. */
    public static boolean clockOff(LocalDateTime createdAt, Arrival arrival) {
        if (arrival == null) {
            return false;
        }
        Long offset = arrival.nodeClockOffsetSeconds();
        if (offset != null && Math.abs(offset) > CLOCK_TOLERANCE.toSeconds()) {
            return true;
        }
        return createdAt != null && createdAt.isAfter(arrival.arrivedAt().plus(CLOCK_TOLERANCE));
    }

    /** Converts Derby's CURRENT_TIMESTAMP, written in the JVM's default zone, to county time. */
    private static LocalDateTime countyTime(Timestamp timestamp) {
        return LocalDateTime.ofInstant(timestamp.toInstant(), CountyClock.ZONE);
    }
}
