package cn.siyiban.core.ratings;

import cn.siyiban.core.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Averages and counts of the overall level (整体满意度) per clerk and per point. Annulled
 * ratings are left out. At a node the table holds only the node's own ratings, and the
 * annulments central sent down, so the same query serves the clerk page of the point.
 */
public final class RatingFigures {

    private static final String NOT_ANNULLED = " FROM sy_rating r LEFT JOIN sy_rating_annulment a "
            + "ON a.rating_id = r.id WHERE a.rating_id IS NULL";

    private final Database database;

    public RatingFigures(Database database) {
        this.database = database;
    }

    /**
     * The figures of one clerk or one point.
     *
     * @param clerk the clerk's username, null in the figures of a point
     * @param average mean overall level, from 1 to 5
     */
    public record Figure(String pointCode, String clerk, int count, double average) {
    }

    /** Returns the figures of every clerk rated at {@code pointCode}, or at every point when it is null. */
    public List<Figure> byClerk(String pointCode) {
        String sql = "SELECT r.origin_point, r.clerk, COUNT(*), AVG(CAST(r.overall AS DOUBLE PRECISION))"
                + NOT_ANNULLED + (pointCode == null ? "" : " AND r.origin_point = ?")
                + " GROUP BY r.origin_point, r.clerk";
        return figures(sql, pointCode, true);
    }

    /** Returns the figures of every point with a rating. */
    public List<Figure> byPoint() {
        return figures("SELECT r.origin_point, COUNT(*), AVG(CAST(r.overall AS DOUBLE PRECISION))" + NOT_ANNULLED
                + " GROUP BY r.origin_point", null, false);
    }

    private List<Figure> figures(String sql, String parameter, boolean perClerk) {
        return database.query(connection -> {
            List<Figure> figures = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (parameter != null) {
                    select.setString(1, parameter);
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        int column = 1;
                        String point = row.getString(column++);
                        String clerk = perClerk ? row.getString(column++) : null;
                        figures.add(new Figure(point, clerk, row.getInt(column++), row.getDouble(column)));
                    }
                }
            }
            return figures;
        });
    }
}
