package cn.siyiban.core.calendar;

import cn.siyiban.core.db.Database;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The county calendar as stored in the database; central publishes it to every node. */
public final class CalendarStore {

    private final Database database;

    public CalendarStore(Database database) {
        this.database = database;
    }

    public void insertAll(Collection<CalendarDay> days) {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO sy_calendar_day (calendar_date, kind, name, source) VALUES (?, ?, ?, ?)")) {
                for (CalendarDay day : days) {
                    insert.setDate(1, Date.valueOf(day.date()));
                    insert.setString(2, day.kind().code());
                    insert.setString(3, day.name());
                    insert.setString(4, day.source());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** Returns the day stored for {@code date}, if the calendar has one. */
    public Optional<CalendarDay> find(LocalDate date) {
        return database.query(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT calendar_date, kind, name, source FROM sy_calendar_day WHERE calendar_date = ?")) {
                select.setDate(1, Date.valueOf(date));
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(day(row)) : Optional.<CalendarDay>empty();
                }
            }
        });
    }

    /**
     * Removes the entry of {@code date}. Central calls it only for days the county added itself;
     * the row's deletion replicates to every node like any change of the calendar.
     */
    public boolean delete(LocalDate date) {
        return database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM sy_calendar_day WHERE calendar_date = ?")) {
                delete.setDate(1, Date.valueOf(date));
                return delete.executeUpdate() > 0;
            }
        });
    }

    /** Returns every stored day, earliest first. */
    public List<CalendarDay> all() {
        List<CalendarDay> days = unordered();
        days.sort(Comparator.comparing(CalendarDay::date));
        return days;
    }

    /**
     * Reads the rows without ORDER BY. Every intake builds the calendar, which needs no order, and
     * each Derby sort looks up Derby's message bundles, which showed in the node's allocation
     * profile.
     */
    private List<CalendarDay> unordered() {
        return database.query(connection -> {
            List<CalendarDay> days = new ArrayList<>();
            try (Statement sql = connection.createStatement();
                 ResultSet row = sql.executeQuery("SELECT calendar_date, kind, name, source FROM sy_calendar_day")) {
                while (row.next()) {
                    days.add(day(row));
                }
            }
            return days;
        });
    }

    private static CalendarDay day(ResultSet row) throws SQLException {
        return new CalendarDay(row.getDate(1).toLocalDate(), DayKind.fromCode(row.getString(2)),
                row.getString(3), row.getString(4));
    }

    /** Builds the working-day calendar from what the database holds now. */
    public WorkingDayCalendar calendar() {
        return new WorkingDayCalendar(unordered());
    }
}
