package cn.siyiban.central.ratings;

import cn.siyiban.core.calendar.WorkingDayCalendar;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.Rows;
import cn.siyiban.core.ratings.Rating;
import cn.siyiban.core.ratings.RatingAnnulment;
import cn.siyiban.core.ratings.RatingStore;
import cn.siyiban.core.time.CountyClock;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads rectification items with their ratings, annulments and steps, and writes steps. The
 * items themselves are inserted by the database trigger on {@code sy_rating}, never here.
 */
final class ItemStore {

    private static final String ITEMS = "SELECT r.*, i.opened_at, i.due_on, a.reason, a.annulled_by, a.annulled_at "
            + "FROM sy_rectification i JOIN sy_rating r ON r.id = i.rating_id "
            + "LEFT JOIN sy_rating_annulment a ON a.rating_id = i.rating_id";
    /** The filter of open items: a reply step closes an item, and an annulment ends it. */
    private static final String OPEN = " WHERE a.rating_id IS NULL AND NOT EXISTS (SELECT 1 FROM "
            + "sy_rectification_step s WHERE s.rating_id = i.rating_id AND s.kind = 'reply')";
    /** Newest first. The rating id orders items opened at the same instant, so pages never overlap. */
    private static final String ORDER = " ORDER BY i.opened_at DESC, i.rating_id";
    /**
     * Counts the open items, like the total of the open list, and of those the ones due before
     * parameter 1, today's date.
     */
    private static final String OPEN_AND_OVERDUE = "SELECT COUNT(*), COUNT(CASE WHEN i.due_on < ? THEN 1 END) "
            + "FROM sy_rectification i LEFT JOIN sy_rating_annulment a ON a.rating_id = i.rating_id" + OPEN;
    /** A reply step closes an item, so a closed item of a real-name rating was followed up. */
    private static final String FOLLOWED_UP = "SELECT COUNT(*) FROM sy_rectification i "
            + "JOIN sy_rating r ON r.id = i.rating_id "
            + "LEFT JOIN sy_rating_annulment a ON a.rating_id = i.rating_id "
            + "WHERE r.real_name = TRUE AND a.rating_id IS NULL AND EXISTS (SELECT 1 FROM sy_rectification_step s "
            + "WHERE s.rating_id = i.rating_id AND s.kind = 'reply')";

    private final Database database;

    ItemStore(Database database) {
        this.database = database;
    }

    Database database() {
        return database;
    }

    /**
     * Fills in the deadline of every item that has none yet: {@code workingDays} working days
     * after the county date on which the rating reached central. This is the only update of an
     * item row, because the trigger cannot read the holiday calendar.
     * NOTE: items are stamped when a page or the API first lists them, so an item that arrived
     * before a change of the setting but was not listed yet gets the new number of days.
     *
     * @return the number of items given a deadline
     */
    int stampDeadlines(WorkingDayCalendar calendar, int workingDays) {
        return database.inTransaction(connection -> {
            Map<String, LocalDateTime> opened = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT rating_id, opened_at FROM sy_rectification WHERE due_on IS NULL");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    opened.put(row.getString(1), countyTime(row.getTimestamp(2)));
                }
            }
            int stamped = 0;
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE sy_rectification SET due_on = ? WHERE rating_id = ? AND due_on IS NULL")) {
                for (Map.Entry<String, LocalDateTime> item : opened.entrySet()) {
                    LocalDate due = calendar.addWorkingDays(item.getValue().toLocalDate(), workingDays);
                    update.setDate(1, Date.valueOf(due));
                    update.setString(2, item.getKey());
                    stamped += update.executeUpdate();
                }
            }
            return stamped;
        });
    }

    /**
     * Counts the open, overdue and followed-up items in the database, so the overview reads a few
     * numbers instead of every item and step. Items due {@code today} or later, or without a
     * deadline yet, are not overdue.
     */
    ItemCounts counts(LocalDate today) {
        return database.query(connection -> {
            int open;
            int overdue;
            try (PreparedStatement select = connection.prepareStatement(OPEN_AND_OVERDUE)) {
                select.setDate(1, Date.valueOf(today));
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    open = row.getInt(1);
                    overdue = row.getInt(2);
                }
            }
            try (PreparedStatement select = connection.prepareStatement(FOLLOWED_UP);
                 ResultSet row = select.executeQuery()) {
                row.next();
                return new ItemCounts(open, overdue, row.getInt(1));
            }
        });
    }

    /**
     * Returns {@code limit} items from {@code offset}, newest first, with the number of items on
     * all pages. {@code openOnly} keeps the items that are neither closed by a reply step nor annulled.
     */
    ItemPage page(boolean openOnly, long offset, int limit) {
        String where = openOnly ? OPEN : "";
        return database.query(connection -> {
            int total;
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM sy_rectification i "
                    + "LEFT JOIN sy_rating_annulment a ON a.rating_id = i.rating_id" + where);
                 ResultSet row = count.executeQuery()) {
                row.next();
                total = row.getInt(1);
            }
            List<Item> items = load(connection, ITEMS + where + ORDER + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                    List.of(offset, limit));
            return new ItemPage(items, total);
        });
    }

    Optional<Item> find(String ratingId) {
        return database.query(connection -> find(connection, ratingId));
    }

    static Optional<Item> find(Connection connection, String ratingId) throws SQLException {
        return load(connection, ITEMS + " WHERE i.rating_id = ?", List.of(ratingId)).stream().findFirst();
    }

    static void insertStep(Connection connection, Step step) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_rectification_step (id, "
                + "rating_id, kind, assignee, note, acted_by, acted_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, step.id());
            insert.setString(2, step.ratingId());
            insert.setString(3, step.kind().code());
            insert.setString(4, step.assignee());
            insert.setString(5, step.note());
            insert.setString(6, step.actedBy());
            Rows.setTime(insert, 7, step.actedAt());
            insert.executeUpdate();
        }
    }

    /** Reads the items {@code sql} selects with their steps. */
    private static List<Item> load(Connection connection, String sql, List<Object> parameters) throws SQLException {
        Map<String, Item> items = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Rating rating = RatingStore.read(row);
                    RatingAnnulment annulment = row.getString("annulled_by") == null ? null
                            : new RatingAnnulment(rating.id(), rating.originPoint(), row.getString("reason"),
                                    row.getString("annulled_by"), Rows.time(row, "annulled_at"));
                    Date due = row.getDate("due_on");
                    items.put(rating.id(), new Item(rating, countyTime(row.getTimestamp("opened_at")),
                            due == null ? null : due.toLocalDate(), null, annulment, List.of()));
                }
            }
        }
        Map<String, List<Step>> steps = steps(connection, List.copyOf(items.keySet()));
        List<Item> loaded = new ArrayList<>();
        for (Item item : items.values()) {
            List<Step> history = steps.getOrDefault(item.rating().id(), List.of());
            String assignee = null;
            for (Step step : history) {
                if (step.kind() == StepKind.ASSIGN) {
                    assignee = step.assignee();
                }
            }
            loaded.add(new Item(item.rating(), item.openedAt(), item.dueOn(), assignee, item.annulment(), history));
        }
        return loaded;
    }

    /**
     * Returns the steps of the items {@code ratingIds}, oldest first. A page has at most
     * {@link Paging#MAX_SIZE} items, so the IN list stays short.
     */
    private static Map<String, List<Step>> steps(Connection connection, List<String> ratingIds) throws SQLException {
        Map<String, List<Step>> steps = new HashMap<>();
        if (ratingIds.isEmpty()) {
            return steps;
        }
        String sql = "SELECT * FROM sy_rectification_step WHERE rating_id IN ("
                + String.join(", ", Collections.nCopies(ratingIds.size(), "?")) + ") ORDER BY acted_at, id";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < ratingIds.size(); i++) {
                select.setString(i + 1, ratingIds.get(i));
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Step step = new Step(row.getString("id"), row.getString("rating_id"),
                            StepKind.fromCode(row.getString("kind")), row.getString("assignee"), row.getString("note"),
                            row.getString("acted_by"), Rows.time(row, "acted_at"));
                    steps.computeIfAbsent(step.ratingId(), key -> new ArrayList<>()).add(step);
                }
            }
        }
        return steps;
    }

    /**
     * Converts {@code opened_at}, which the trigger writes with the database's clock in the JVM's
     * default zone, to county time.
     */
    private static LocalDateTime countyTime(Timestamp timestamp) {
        return LocalDateTime.ofInstant(timestamp.toInstant(), CountyClock.ZONE);
    }
}
