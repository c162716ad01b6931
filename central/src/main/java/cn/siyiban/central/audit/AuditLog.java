package cn.siyiban.central.audit;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.time.CountyClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Records and lists the actions admins took, in {@code sy_audit_log}. */
public final class AuditLog {

    /** One recorded action; {@code actedAt} is county time. */
    public record Entry(String id, LocalDateTime actedAt, String actor, String action, String point, String target,
                        String detail) {
    }

    private final Database database;
    private final CountyClock clock;

    public AuditLog(Database database, CountyClock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Records an action in its own transaction; returns the entry. */
    public Entry record(String actor, String action, String point, String target, String detail) {
        return database.inTransaction(connection -> record(connection, actor, action, point, target, detail));
    }

    /** Records an action inside the caller's transaction, so it commits with the change it describes. */
    public Entry record(Connection connection, String actor, String action, String point, String target,
                        String detail) throws SQLException {
        Entry entry = new Entry(UUID.randomUUID().toString(), clock.now(), actor, action, point, target,
                detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_audit_log "
                + "(id, acted_at, actor, action, point_code, target, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, entry.id());
            insert.setTimestamp(2, Timestamp.valueOf(entry.actedAt()));
            insert.setString(3, entry.actor());
            insert.setString(4, entry.action());
            insert.setString(5, entry.point());
            insert.setString(6, entry.target());
            insert.setString(7, entry.detail());
            insert.executeUpdate();
        }
        return entry;
    }

    /** Returns the latest entries, newest first, of one point or of all when {@code point} is null. */
    public List<Entry> latest(String point, int limit) {
        String sql = "SELECT id, acted_at, actor, action, point_code, target, detail FROM sy_audit_log"
                + (point == null ? "" : " WHERE point_code = ?") + " ORDER BY acted_at DESC FETCH FIRST "
                + limit + " ROWS ONLY";
        return database.query(connection -> {
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (point != null) {
                    select.setString(1, point);
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        entries.add(new Entry(row.getString("id"), row.getTimestamp("acted_at").toLocalDateTime(),
                                row.getString("actor"), row.getString("action"), row.getString("point_code"),
                                row.getString("target"), row.getString("detail")));
                    }
                }
            }
            return entries;
        });
    }
}
