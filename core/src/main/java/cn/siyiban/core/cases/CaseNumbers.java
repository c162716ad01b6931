package cn.siyiban.core.cases;

import cn.siyiban.core.error.DomainException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Draws the case numbers of one database in memory, so that clerks saving at the same time do
 * not queue behind a counter row locked until each intake commits. The first number of a point
 * and day follows the highest already in the database, which is read once. Each later number is
 * one more than the last one drawn.
 *
 * <p>The unique constraint on {@code sy_case.case_no} still decides. If a case with the drawn
 * number already exists, for example one that SymmetricDS loaded back from central while the
 * node ran, the insert fails, {@link #resync()} drops the remembered numbers and the intake is
 * tried again with a number read afresh. A number drawn by an intake that then fails is not
 * reused, so the day's numbers can have gaps but never repeat.
 */
public final class CaseNumbers {

    private final Map<String, Integer> lastDrawn = new HashMap<>();

    /** Returns the next number of {@code point} for {@code date}, reading the database only for a new day. */
    public synchronized CaseNumber next(Connection connection, String point, LocalDate date) throws SQLException {
        String key = point + "/" + date;
        Integer last = lastDrawn.get(key);
        if (last == null) {
            // A new day: yesterday's entries of every point are no longer needed.
            lastDrawn.keySet().removeIf(other -> !other.endsWith("/" + date));
            last = CaseStore.highestIssued(connection, point, date);
        }
        if (last >= CaseNumber.MAX_SEQUENCE) {
            throw new DomainException(DomainException.Kind.CONFLICT, "case_numbers_exhausted",
                    "本服务点今日办件编号已用完（每日最多" + CaseNumber.MAX_SEQUENCE + "件），请明日再受理",
                    Map.of("date", date.toString()));
        }
        lastDrawn.put(key, last + 1);
        return new CaseNumber(point, date, last + 1);
    }

    /** Forgets every remembered number, so the next draw reads the database again. */
    public synchronized void resync() {
        lastDrawn.clear();
    }
}
