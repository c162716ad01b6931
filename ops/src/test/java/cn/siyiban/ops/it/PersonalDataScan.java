package cn.siyiban.ops.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Searches every text column of every table of a stopped server's Derby database, the
 * application's and SymmetricDS's alike, for given values such as ID numbers and phone numbers.
 */
final class PersonalDataScan {

    /** A text column of a user table. */
    private record TextColumn(String schema, String table, String column) {
        String sql(int values) {
            StringBuilder where = new StringBuilder();
            for (int i = 0; i < values; i++) {
                where.append(i == 0 ? "" : " OR ").append('"').append(column).append("\" LIKE ?");
            }
            return "SELECT COUNT(*) FROM \"" + schema + "\".\"" + table + "\" WHERE " + where;
        }
    }

    private PersonalDataScan() {
    }

    /**
     * Returns a line for each table column that contains any of {@code values}, and fills
     * {@code scanned} with the number of columns searched, so a caller can check the scan ran.
     */
    static List<String> find(Path databaseDir, List<String> values, int[] scanned) {
        String url = "jdbc:derby:" + databaseDir.toAbsolutePath();
        List<String> found = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url)) {
            List<TextColumn> columns = textColumns(connection);
            scanned[0] = columns.size();
            for (TextColumn column : columns) {
                try (PreparedStatement select = connection.prepareStatement(column.sql(values.size()))) {
                    for (int i = 0; i < values.size(); i++) {
                        select.setString(i + 1, "%" + values.get(i) + "%");
                    }
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        if (row.getLong(1) > 0) {
                            found.add(column.schema() + "." + column.table() + "." + column.column() + ": "
                                    + row.getLong(1) + " rows");
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("scan of " + databaseDir + " failed", e);
        } finally {
            try {
                DriverManager.getConnection(url + ";shutdown=true").close();
            } catch (SQLException e) {
                // Derby reports a clean shutdown of one database as SQLState 08006.
            }
        }
        return found;
    }

    private static List<TextColumn> textColumns(Connection connection) throws SQLException {
        String sql = "SELECT s.schemaname, t.tablename, c.columnname, c.columndatatype FROM sys.systables t "
                + "JOIN sys.sysschemas s ON s.schemaid = t.schemaid JOIN sys.syscolumns c ON c.referenceid = t.tableid "
                + "WHERE t.tabletype = 'T'";
        List<TextColumn> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                String type = row.getString(4).toUpperCase();
                if (type.contains("FOR BIT DATA")) {
                    continue;
                }
                if (type.startsWith("VARCHAR") || type.startsWith("CHAR") || type.startsWith("CLOB")
                        || type.startsWith("LONG VARCHAR")) {
                    columns.add(new TextColumn(row.getString(1), row.getString(2), row.getString(3)));
                }
            }
        }
        return columns;
    }
}
