package cn.siyiban.core.staff;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.Rows;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Staff accounts in the database. */
public final class StaffStore {

    /**
     * The password hash an account keeps at the node of a point it has left. It is no BCrypt
     * hash, so no password matches it.
     */
    public static final String MOVED_HASH = "moved-to-another-point";

    private final Database database;

    public StaffStore(Database database) {
        this.database = database;
    }

    public Optional<Staff> findByUsername(String username) {
        return database.query(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM sy_staff WHERE username = ?")) {
                select.setString(1, username);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.<Staff>empty();
                }
            }
        });
    }

    public List<Staff> all() {
        return database.query(connection -> {
            List<Staff> staff = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM sy_staff ORDER BY username");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    staff.add(read(row));
                }
            }
            return staff;
        });
    }

    public void insert(Staff staff, LocalDateTime now) {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_staff (id, username, "
                    + "display_name, staff_role, point_code, department, password_hash, enabled, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, staff.id());
                insert.setString(2, staff.username());
                insert.setString(3, staff.displayName());
                insert.setString(4, staff.role().code());
                insert.setString(5, staff.pointCode());
                insert.setString(6, staff.department());
                insert.setString(7, staff.passwordHash());
                insert.setBoolean(8, staff.enabled());
                Rows.setTime(insert, 9, now);
                insert.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Writes every column of the account with {@code staff.id()} except the id and the user name.
     * Returns false when no such account exists.
     */
    public boolean update(Staff staff, LocalDateTime now) {
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sy_staff SET display_name = ?, "
                    + "staff_role = ?, point_code = ?, department = ?, password_hash = ?, enabled = ?, updated_at = ? "
                    + "WHERE id = ?")) {
                update.setString(1, staff.displayName());
                update.setString(2, staff.role().code());
                update.setString(3, staff.pointCode());
                update.setString(4, staff.department());
                update.setString(5, staff.passwordHash());
                update.setBoolean(6, staff.enabled());
                Rows.setTime(update, 7, now);
                update.setString(8, staff.id());
                return update.executeUpdate() == 1;
            }
        });
    }

    /**
     * Writes a new password hash for the account with {@code id} and leaves every other column
     * as it is, so a change made at the same time by an admin is not undone. Returns false when
     * no such account exists.
     */
    public boolean changePassword(String id, String passwordHash, LocalDateTime now) {
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE sy_staff SET password_hash = ?, updated_at = ? WHERE id = ?")) {
                update.setString(1, passwordHash);
                Rows.setTime(update, 2, now);
                update.setString(3, id);
                return update.executeUpdate() == 1;
            }
        });
    }

    /**
     * Gives the account with {@code id} another role, point and departments in one transaction,
     * and returns it as stored, or empty when no such account exists. When the point changes,
     * the row is first disabled with its password hash replaced by {@link #MOVED_HASH}, still
     * under the old point. SymmetricDS routes each captured change of a staff row by the point
     * code it carries, so this first update is the only one the old point's node receives. The
     * account stays there, for the names in its case history, but cannot log in. The second
     * update restores the hash and the enabled flag under the new point and reaches the new
     * point's node, where it becomes an insert.
     */
    public Optional<Staff> reassign(String id, Role role, String pointCode, String department, LocalDateTime now) {
        return database.inTransaction(connection -> {
            Staff old;
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM sy_staff WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<Staff>empty();
                    }
                    old = read(row);
                }
            }
            if (old.pointCode() != null && !old.pointCode().equals(pointCode)) {
                try (PreparedStatement leave = connection.prepareStatement(
                        "UPDATE sy_staff SET enabled = FALSE, password_hash = ?, updated_at = ? WHERE id = ?")) {
                    leave.setString(1, MOVED_HASH);
                    Rows.setTime(leave, 2, now);
                    leave.setString(3, id);
                    leave.executeUpdate();
                }
            }
            Staff moved = new Staff(old.id(), old.username(), old.displayName(), role, pointCode, department,
                    old.passwordHash(), old.enabled());
            try (PreparedStatement update = connection.prepareStatement("UPDATE sy_staff SET staff_role = ?, "
                    + "point_code = ?, department = ?, password_hash = ?, enabled = ?, updated_at = ? WHERE id = ?")) {
                update.setString(1, role.code());
                update.setString(2, pointCode);
                update.setString(3, department);
                update.setString(4, old.passwordHash());
                update.setBoolean(5, old.enabled());
                Rows.setTime(update, 6, now);
                update.setString(7, id);
                update.executeUpdate();
            }
            return Optional.of(moved);
        });
    }

    private static Staff read(ResultSet row) throws SQLException {
        String roleCode = row.getString("staff_role");
        Role role = Role.fromCode(roleCode)
                .orElseThrow(() -> new IllegalStateException("unknown role in sy_staff: " + roleCode));
        return new Staff(row.getString("id"), row.getString("username"), row.getString("display_name"), role,
                row.getString("point_code"), row.getString("department"), row.getString("password_hash"),
                row.getBoolean("enabled"));
    }
}
