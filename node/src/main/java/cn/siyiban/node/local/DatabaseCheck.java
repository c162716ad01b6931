package cn.siyiban.node.local;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks every user table of a Derby database with {@code SYSCS_UTIL.SYSCS_CHECK_TABLE}, which
 * compares each table with its indexes and raises an error on an inconsistency.
 */
public final class DatabaseCheck {

    /**
     * The outcome of a check.
     *
     * @param tables number of tables checked
     * @param problems one line per damaged table, with Derby's message; empty if all are sound
     */
    public record Result(int tables, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private DatabaseCheck() {
    }

    public static Result run(Connection connection) throws SQLException {
        List<String[]> tables = new ArrayList<>();
        String list = "SELECT s.schemaname, t.tablename FROM sys.systables t JOIN sys.sysschemas s "
                + "ON t.schemaid = s.schemaid WHERE t.tabletype = 'T' ORDER BY s.schemaname, t.tablename";
        try (PreparedStatement statement = connection.prepareStatement(list); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                tables.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        List<String> problems = new ArrayList<>();
        for (String[] table : tables) {
            try (CallableStatement check = connection.prepareCall("VALUES SYSCS_UTIL.SYSCS_CHECK_TABLE(?, ?)")) {
                check.setString(1, table[0]);
                check.setString(2, table[1]);
                check.execute();
            } catch (SQLException e) {
                problems.add(table[0] + "." + table[1] + ": " + e.getMessage());
            }
        }
        return new Result(tables.size(), problems);
    }
}
