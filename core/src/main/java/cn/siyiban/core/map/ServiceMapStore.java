package cn.siyiban.core.map;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.Rows;
import cn.siyiban.core.network.PointLevel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the service map from {@code sy_point} and {@code sy_point_matter}, and writes the facts
 * the admin maintains at central. At a node the same tables arrive by SymmetricDS.
 */
public final class ServiceMapStore {

    private final Database database;

    public ServiceMapStore(Database database) {
        this.database = database;
    }

    /** Returns every point in code order. */
    public List<MapPoint> points() {
        return database.query(connection -> {
            Map<String, List<String>> scopes = scopes(connection);
            List<MapPoint> points = new ArrayList<>();
            try (Statement sql = connection.createStatement();
                 ResultSet row = sql.executeQuery("SELECT code, name, point_level, parent_code, address, office_hours, "
                         + "phone, latitude, longitude FROM sy_point ORDER BY code")) {
                while (row.next()) {
                    String code = row.getString("code");
                    points.add(new MapPoint(code, row.getString("name"), PointLevel.fromCode(row.getString("point_level")),
                            row.getString("parent_code"), row.getString("address"), row.getString("office_hours"),
                            row.getString("phone"), row.getBigDecimal("latitude"), row.getBigDecimal("longitude"),
                            scopes.getOrDefault(code, List.of())));
                }
            }
            return points;
        });
    }

    public Optional<MapPoint> find(String code) {
        return points().stream().filter(point -> point.code().equals(code)).findFirst();
    }

    private static Map<String, List<String>> scopes(Connection connection) throws SQLException {
        Map<String, List<String>> scopes = new HashMap<>();
        try (Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery(
                     "SELECT point_code, matter_code FROM sy_point_matter ORDER BY point_code, matter_code")) {
            while (row.next()) {
                scopes.computeIfAbsent(row.getString(1), code -> new ArrayList<>()).add(row.getString(2));
            }
        }
        return scopes;
    }

    /** Returns whether {@code pointCode} takes in {@code matterCode}: always, unless the admin restricted it. */
    public boolean offers(String pointCode, String matterCode) {
        return database.query(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*), SUM(CASE WHEN matter_code = ? "
                    + "THEN 1 ELSE 0 END) FROM sy_point_matter WHERE point_code = ?")) {
                select.setString(1, matterCode);
                select.setString(2, pointCode);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getInt(1) == 0 || row.getInt(2) > 0;
                }
            }
        });
    }

    /** Writes the admin's facts of one point; returns false when no point has {@code code}. */
    public boolean updateDetails(Connection connection, String code, PointDetails details) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE sy_point SET address = ?, "
                + "office_hours = ?, phone = ?, latitude = ?, longitude = ? WHERE code = ?")) {
            update.setString(1, details.address());
            update.setString(2, details.officeHours());
            update.setString(3, details.phone());
            update.setBigDecimal(4, details.latitude());
            update.setBigDecimal(5, details.longitude());
            update.setString(6, code);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Replaces the matters a point is restricted to. An empty collection lifts the restriction,
     * so the point takes every matter again. Only the rows that change are written, which keeps
     * the SymmetricDS batch to the difference.
     */
    public void replaceScope(Connection connection, String pointCode, Collection<String> matterCodes, String actor,
                             LocalDateTime now) throws SQLException {
        List<String> current = scopes(connection).getOrDefault(pointCode, List.of());
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM sy_point_matter WHERE point_code = ? AND matter_code = ?")) {
            for (String old : current) {
                if (!matterCodes.contains(old)) {
                    delete.setString(1, pointCode);
                    delete.setString(2, old);
                    delete.executeUpdate();
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_point_matter (point_code, "
                + "matter_code, updated_by, updated_at) VALUES (?, ?, ?, ?)")) {
            for (String fresh : matterCodes) {
                if (!current.contains(fresh)) {
                    insert.setString(1, pointCode);
                    insert.setString(2, fresh);
                    insert.setString(3, actor);
                    Rows.setTime(insert, 4, now);
                    insert.executeUpdate();
                }
            }
        }
    }

    public Database database() {
        return database;
    }
}
