package cn.siyiban.core.ratings;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.Rows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/** Reads and writes {@code sy_rating} rows and their annulments. Ratings are inserted once, never changed. */
public final class RatingStore {

    private final Database database;

    public RatingStore(Database database) {
        this.database = database;
    }

    public Database database() {
        return database;
    }

    public Optional<Rating> findById(String id) {
        return database.query(connection -> find(connection, "id", id));
    }

    public Optional<Rating> findByCaseNo(String caseNo) {
        return database.query(connection -> find(connection, "case_no", caseNo));
    }

    /** Returns the annulment of a rating, if central annulled it. */
    public Optional<RatingAnnulment> annulment(String ratingId) {
        return database.query(connection -> annulment(connection, ratingId));
    }

    static Optional<Rating> find(Connection connection, String column, String value) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM sy_rating WHERE " + column + " = ?")) {
            select.setString(1, value);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /** Reads the current row of a result set that selects every column of {@code sy_rating}. */
    public static Rating read(ResultSet row) throws SQLException {
        return new Rating(row.getString("id"), row.getString("origin_point"), row.getString("case_no"),
                row.getString("clerk"), row.getInt("overall"), Rows.nullableInt(row, "efficiency"),
                Rows.nullableInt(row, "competence"), Rows.nullableInt(row, "attitude"), row.getString("comment_text"),
                row.getBoolean("real_name"), Rows.time(row, "rated_at"));
    }

    static void insert(Connection connection, Rating rating) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_rating (id, origin_point, "
                + "case_no, clerk, overall, efficiency, competence, attitude, comment_text, real_name, rated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, rating.id());
            insert.setString(2, rating.originPoint());
            insert.setString(3, rating.caseNo());
            insert.setString(4, rating.clerk());
            insert.setInt(5, rating.overall());
            Rows.setNullableInt(insert, 6, rating.efficiency());
            Rows.setNullableInt(insert, 7, rating.competence());
            Rows.setNullableInt(insert, 8, rating.attitude());
            if (rating.comment() == null) {
                insert.setNull(9, Types.VARCHAR);
            } else {
                insert.setString(9, rating.comment());
            }
            insert.setBoolean(10, rating.realName());
            Rows.setTime(insert, 11, rating.ratedAt());
            insert.executeUpdate();
        }
    }

    public static Optional<RatingAnnulment> annulment(Connection connection, String ratingId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM sy_rating_annulment WHERE rating_id = ?")) {
            select.setString(1, ratingId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RatingAnnulment(row.getString("rating_id"), row.getString("origin_point"),
                        row.getString("reason"), row.getString("annulled_by"), Rows.time(row, "annulled_at")));
            }
        }
    }

    /** Inserts an annulment inside the caller's transaction. */
    public static void insertAnnulment(Connection connection, RatingAnnulment annulment) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_rating_annulment (rating_id, "
                + "origin_point, reason, annulled_by, annulled_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, annulment.ratingId());
            insert.setString(2, annulment.originPoint());
            insert.setString(3, annulment.reason());
            insert.setString(4, annulment.annulledBy());
            Rows.setTime(insert, 5, annulment.annulledAt());
            insert.executeUpdate();
        }
    }
}
