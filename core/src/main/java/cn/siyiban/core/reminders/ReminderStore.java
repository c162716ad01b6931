package cn.siyiban.core.reminders;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.Rows;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and writes the reminder outbox, {@code sy_reminder}, of this database. */
public final class ReminderStore {

    /** Longest stored error text, the column's size. */
    private static final int MAX_ERROR = 500;
    private static final String COLUMNS = "id, kind, case_id, case_no, target_date, phone, message, state, attempts, "
            + "next_attempt_at, created_at, sent_at, last_error";

    private final Database database;

    public ReminderStore(Database database) {
        this.database = database;
    }

    /** Inserts {@code reminder} unless a row with its id exists; returns whether it inserted. */
    public boolean insertIfAbsent(Reminder reminder) {
        return database.inTransaction(connection -> {
            if (find(connection, reminder.id()).isPresent()) {
                return false;
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_reminder (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, reminder.id());
                insert.setString(2, reminder.kind().code());
                insert.setString(3, reminder.caseId());
                insert.setString(4, reminder.caseNo());
                insert.setDate(5, Date.valueOf(reminder.targetDate()));
                insert.setString(6, reminder.phone());
                insert.setString(7, reminder.message());
                insert.setString(8, reminder.state().code());
                insert.setInt(9, reminder.attempts());
                Rows.setTime(insert, 10, reminder.nextAttemptAt());
                Rows.setTime(insert, 11, reminder.createdAt());
                Rows.setTime(insert, 12, reminder.sentAt());
                insert.setString(13, reminder.lastError());
                insert.executeUpdate();
            }
            return true;
        });
    }

    public Optional<Reminder> find(String id) {
        return database.query(connection -> find(connection, id));
    }

    /**
     * Returns up to {@code limit} reminders to send at {@code now}: pending or left sending by a
     * crash, whose next attempt is due, oldest attempt time first.
     */
    public List<Reminder> due(LocalDateTime now, int limit) {
        return select("SELECT " + COLUMNS + " FROM sy_reminder WHERE state IN ('pending', 'sending') "
                + "AND next_attempt_at <= ? ORDER BY next_attempt_at FETCH FIRST " + limit + " ROWS ONLY", now);
    }

    /** Returns the latest {@code limit} reminders, in {@code state} unless it is null, newest first. */
    public List<Reminder> latest(ReminderState state, int limit) {
        String where = state == null ? "" : " WHERE state = '" + state.code() + "'";
        return select("SELECT " + COLUMNS + " FROM sy_reminder" + where + " ORDER BY created_at DESC, id "
                + "FETCH FIRST " + limit + " ROWS ONLY", null);
    }

    /** Returns the number of reminders in each state, every state included. */
    public Map<ReminderState, Integer> counts() {
        return database.query(connection -> {
            Map<ReminderState, Integer> counts = new EnumMap<>(ReminderState.class);
            for (ReminderState state : ReminderState.values()) {
                counts.put(state, 0);
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT state, COUNT(*) FROM sy_reminder GROUP BY state");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Optional<ReminderState> state = ReminderState.fromCode(row.getString(1));
                    if (state.isPresent()) {
                        counts.put(state.get(), row.getInt(2));
                    }
                }
            }
            return counts;
        });
    }

    /**
     * Records that attempt {@code attempt} starts now and that, should it never finish, the next
     * one may start at {@code nextAttemptAt}. Committed before the send.
     */
    public void markSending(String id, int attempt, LocalDateTime nextAttemptAt) {
        update("UPDATE sy_reminder SET state = 'sending', attempts = ?, next_attempt_at = ? WHERE id = ?",
                statement -> {
                    statement.setInt(1, attempt);
                    Rows.setTime(statement, 2, nextAttemptAt);
                    statement.setString(3, id);
                });
    }

    public void markSent(String id, LocalDateTime sentAt) {
        update("UPDATE sy_reminder SET state = 'sent', sent_at = ?, last_error = NULL WHERE id = ?", statement -> {
            Rows.setTime(statement, 1, sentAt);
            statement.setString(2, id);
        });
    }

    /** Records a failed attempt: {@code retry} keeps the reminder for its next attempt, otherwise it has failed. */
    public void markFailedAttempt(String id, String error, boolean retry) {
        update("UPDATE sy_reminder SET state = ?, last_error = ? WHERE id = ?", statement -> {
            statement.setString(1, retry ? ReminderState.PENDING.code() : ReminderState.FAILED.code());
            statement.setString(2, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error);
            statement.setString(3, id);
        });
    }

    /** Makes a failed reminder pending again from {@code now}; returns false unless it had failed. */
    public boolean retryFailed(String id, LocalDateTime now) {
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sy_reminder SET state = 'pending', "
                    + "attempts = 0, next_attempt_at = ? WHERE id = ? AND state = 'failed'")) {
                Rows.setTime(update, 1, now);
                update.setString(2, id);
                return update.executeUpdate() == 1;
            }
        });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                binder.bind(update);
                return update.executeUpdate();
            }
        });
    }

    private List<Reminder> select(String sql, LocalDateTime parameter) {
        return database.query(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (parameter != null) {
                    Rows.setTime(select, 1, parameter);
                }
                try (ResultSet row = select.executeQuery()) {
                    List<Reminder> found = new ArrayList<>();
                    while (row.next()) {
                        found.add(read(row));
                    }
                    return found;
                }
            }
        });
    }

    private static Optional<Reminder> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM sy_reminder WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    private static Reminder read(ResultSet row) throws SQLException {
        return new Reminder(row.getString("id"),
                ReminderKind.fromCode(row.getString("kind")).orElseThrow(() -> new IllegalStateException(
                        "unknown reminder kind in sy_reminder")),
                row.getString("case_id"), row.getString("case_no"), row.getDate("target_date").toLocalDate(),
                row.getString("phone"), row.getString("message"),
                ReminderState.fromCode(row.getString("state")).orElse(ReminderState.FAILED),
                row.getInt("attempts"), Rows.time(row, "next_attempt_at"), Rows.time(row, "created_at"),
                Rows.time(row, "sent_at"), row.getString("last_error"));
    }
}
