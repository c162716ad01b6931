package cn.siyiban.core.governance;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.Rows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The insert-only suspension history of matters in {@code sy_matter_status}. A matter's latest
 * row is its status; central writes the rows and nodes read them at intake.
 */
public final class MatterStatusStore {

    private static final String SELECT = "SELECT id, matter_code, status, reason, decided_by, decided_at "
            + "FROM sy_matter_status ";

    /** Decision time, then id, so two decisions of the same instant still have one order. */
    private static final Comparator<MatterStatusChange> OLDEST_FIRST =
            Comparator.comparing(MatterStatusChange::decidedAt).thenComparing(MatterStatusChange::id);

    private final Database database;

    public MatterStatusStore(Database database) {
        this.database = database;
    }

    /** Returns the suspension in force for {@code matterCode}, empty when the matter is active. */
    public Optional<MatterStatusChange> suspension(String matterCode) {
        return database.query(connection -> latest(connection, matterCode)).filter(MatterStatusChange::suspended);
    }

    /**
     * Returns the latest decision of {@code matterCode} inside the caller's transaction. Every
     * intake calls this, so the rows are compared in Java rather than sorted by Derby. A matter
     * has few decisions, and each Derby sort, even of no rows, looks up Derby's message bundles,
     * which showed in the node's allocation profile.
     */
    public static Optional<MatterStatusChange> latest(Connection connection, String matterCode) throws SQLException {
        return decisionsOf(connection, matterCode).stream().max(OLDEST_FIRST);
    }

    /** Returns the latest decision of every matter that has one, keyed by matter code. */
    public Map<String, MatterStatusChange> latestOfAll() {
        return database.query(connection -> {
            Map<String, MatterStatusChange> latest = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(SELECT + "ORDER BY decided_at, id");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    MatterStatusChange change = read(row);
                    latest.put(change.matterCode(), change);
                }
            }
            return latest;
        });
    }

    /** Returns every decision of {@code matterCode}, oldest first. */
    public List<MatterStatusChange> history(String matterCode) {
        return database.query(connection -> history(connection, matterCode));
    }

    private static List<MatterStatusChange> history(Connection connection, String matterCode) throws SQLException {
        List<MatterStatusChange> changes = decisionsOf(connection, matterCode);
        changes.sort(OLDEST_FIRST);
        return changes;
    }

    private static List<MatterStatusChange> decisionsOf(Connection connection, String matterCode)
            throws SQLException {
        List<MatterStatusChange> changes = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT + "WHERE matter_code = ?")) {
            select.setString(1, matterCode);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    changes.add(read(row));
                }
            }
        }
        return changes;
    }

    /** Inserts a decision inside the caller's transaction. */
    public static void insert(Connection connection, MatterStatusChange change) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_matter_status (id, matter_code, "
                + "status, reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, change.id());
            insert.setString(2, change.matterCode());
            insert.setString(3, change.statusCode());
            insert.setString(4, change.reason());
            insert.setString(5, change.decidedBy());
            Rows.setTime(insert, 6, change.decidedAt());
            insert.executeUpdate();
        }
    }

    private static MatterStatusChange read(ResultSet row) throws SQLException {
        return new MatterStatusChange(row.getString("id"), row.getString("matter_code"),
                MatterStatusChange.SUSPENDED.equals(row.getString("status")), row.getString("reason"),
                row.getString("decided_by"), Rows.time(row, "decided_at"));
    }

    public Database database() {
        return database;
    }
}
