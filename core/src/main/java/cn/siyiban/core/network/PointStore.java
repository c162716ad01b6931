package cn.siyiban.core.network;

import cn.siyiban.core.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The service points as stored in the database, where central maintains them. */
public final class PointStore {

    private final Database database;

    public PointStore(Database database) {
        this.database = database;
    }

    public int count() {
        return database.query(connection -> {
            try (Statement sql = connection.createStatement();
                 ResultSet row = sql.executeQuery("SELECT COUNT(*) FROM sy_point")) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    public void insertAll(Collection<ServicePoint> points) {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO sy_point (code, name, point_level, parent_code, source) VALUES (?, ?, ?, ?, ?)")) {
                for (ServicePoint point : points) {
                    insert.setString(1, point.code());
                    insert.setString(2, point.name());
                    insert.setString(3, point.level().code());
                    insert.setString(4, point.parentCode());
                    insert.setString(5, point.source());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    public List<ServicePoint> all() {
        return database.query(connection -> {
            List<ServicePoint> points = new ArrayList<>();
            try (Statement sql = connection.createStatement();
                 ResultSet row = sql.executeQuery(
                         "SELECT code, name, point_level, parent_code, source FROM sy_point ORDER BY code")) {
                while (row.next()) {
                    points.add(new ServicePoint(row.getString(1), row.getString(2),
                            PointLevel.fromCode(row.getString(3)), row.getString(4), row.getString(5)));
                }
            }
            return points;
        });
    }

    public Optional<ServicePoint> find(String code) {
        return all().stream().filter(point -> point.code().equals(code)).findFirst();
    }
}
