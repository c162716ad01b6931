package cn.siyiban.ops.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Derby database of a stopped node or central directly, as an auditor would. Embedded
 * Derby allows one JVM at a time, so the server must be stopped first.
 */
final class DerbyFiles {

    private DerbyFiles() {
    }

    /** Returns the single number a {@code SELECT COUNT(*) ...} query yields. */
    static long count(Path databaseDir, String sql) {
        String url = "jdbc:derby:" + databaseDir.toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("query on " + databaseDir + " failed: " + sql, e);
        } finally {
            shutdown(url);
        }
    }

    /** Returns every row of {@code sql}, each column as text (null stays null). */
    static List<List<String>> rows(Path databaseDir, String sql) {
        String url = "jdbc:derby:" + databaseDir.toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            int columns = row.getMetaData().getColumnCount();
            List<List<String>> rows = new ArrayList<>();
            while (row.next()) {
                List<String> values = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    values.add(row.getString(i));
                }
                rows.add(values);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query on " + databaseDir + " failed: " + sql, e);
        } finally {
            shutdown(url);
        }
    }

    private static void shutdown(String url) {
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException e) {
            // Derby reports a clean shutdown of one database as SQLState 08006.
        }
    }
}
