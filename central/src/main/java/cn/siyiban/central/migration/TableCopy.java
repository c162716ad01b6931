package cn.siyiban.central.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Copies every row of one table from central's Derby database into the table of the same name
 * in PostgreSQL, in the caller's target transaction. Each value is read and written by the
 * target column's JDBC type, so Derby's CLOB becomes text, BLOB becomes bytea and SMALLINT
 * flags read as PostgreSQL booleans where the two schemas differ.
 */
final class TableCopy {

    /** Rows per JDBC batch: large enough to save round trips, small enough for a mini PC's heap. */
    private static final int BATCH_ROWS = 1_000;

    private final String table;
    /** Target column name (lower case) to its JDBC type, in the target's column order. */
    private final Map<String, Integer> targetColumns;
    /** Target column name (lower case) to the source column's exact name. */
    private final Map<String, String> sourceNames;

    private TableCopy(String table, Map<String, Integer> targetColumns, Map<String, String> sourceNames) {
        this.table = table;
        this.targetColumns = targetColumns;
        this.sourceNames = sourceNames;
    }

    /**
     * Matches the columns of {@code table} in both databases. Derby stores the unquoted names of
     * siyiban's and SymmetricDS's tables in upper case, PostgreSQL in lower case.
     *
     * @throws MigrationRejected if the source table is missing, or has a column the target lacks,
     *                           whose values the copy would lose
     */
    static TableCopy plan(Connection source, String sourceSchema, Connection target, String targetSchema,
                          String table) throws SQLException {
        Map<String, String> sourceColumns = columnNames(source.getMetaData(), sourceSchema, table);
        if (sourceColumns.isEmpty()) {
            throw MigrationRejected.failed("Derby 数据库中没有表 " + table
                    + "：Derby 的版本与本程序不同，请先用本版本的县级中心启动一次 Derby 数据库，停止后再迁移");
        }
        Map<String, Integer> targetColumns = columnTypes(target.getMetaData(), targetSchema, table);
        List<String> unknown = sourceColumns.keySet().stream().filter(name -> !targetColumns.containsKey(name)).toList();
        if (!unknown.isEmpty()) {
            throw MigrationRejected.failed("PostgreSQL 的表 " + table + " 缺少列 " + unknown
                    + "，复制会丢失这些数据，迁移已停止");
        }
        Map<String, Integer> copied = new LinkedHashMap<>();
        targetColumns.forEach((name, type) -> {
            if (sourceColumns.containsKey(name)) {
                copied.put(name, type);
            }
        });
        return new TableCopy(table, copied, sourceColumns);
    }

    /** Copies the rows; returns how many. */
    long copy(Connection source, String sourceSchema, Connection target) throws SQLException {
        String select = "SELECT " + targetColumns.keySet().stream()
                .map(name -> quoted(sourceNames.get(name))).collect(Collectors.joining(", "))
                + " FROM " + quoted(sourceSchema) + "." + quoted(table.toUpperCase(Locale.ROOT));
        String insert = "INSERT INTO " + quoted(table) + " ("
                + targetColumns.keySet().stream().map(TableCopy::quoted).collect(Collectors.joining(", "))
                + ") VALUES (" + targetColumns.keySet().stream().map(name -> "?").collect(Collectors.joining(", ")) + ")";
        List<Integer> types = new ArrayList<>(targetColumns.values());
        long rows = 0;
        try (Statement reader = source.createStatement();
             ResultSet row = reader.executeQuery(select);
             PreparedStatement writer = target.prepareStatement(insert)) {
            reader.setFetchSize(BATCH_ROWS);
            while (row.next()) {
                for (int i = 0; i < types.size(); i++) {
                    ColumnValue.transfer(row, writer, i + 1, types.get(i));
                }
                writer.addBatch();
                rows++;
                if (rows % BATCH_ROWS == 0) {
                    writer.executeBatch();
                }
            }
            writer.executeBatch();
        }
        return rows;
    }

    private static Map<String, String> columnNames(DatabaseMetaData metadata, String schema, String table)
            throws SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        try (ResultSet columns = metadata.getColumns(null, schema, table.toUpperCase(Locale.ROOT), null)) {
            while (columns.next()) {
                String name = columns.getString("COLUMN_NAME");
                names.put(name.toLowerCase(Locale.ROOT), name);
            }
        }
        return names;
    }

    private static Map<String, Integer> columnTypes(DatabaseMetaData metadata, String schema, String table)
            throws SQLException {
        Map<String, Integer> types = new LinkedHashMap<>();
        try (ResultSet columns = metadata.getColumns(null, schema, table, null)) {
            while (columns.next()) {
                types.put(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), columns.getInt("DATA_TYPE"));
            }
        }
        return types;
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Moves one value between a result set and a statement by the target column's JDBC type. */
    private static final class ColumnValue {

        private ColumnValue() {
        }

        static void transfer(ResultSet row, PreparedStatement writer, int index, int type) throws SQLException {
            Object value = switch (type) {
                case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> row.getBytes(index);
                case Types.BIT, Types.BOOLEAN -> row.getBoolean(index);
                case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB, Types.NCHAR, Types.NVARCHAR,
                     Types.LONGNVARCHAR, Types.NCLOB -> row.getString(index);
                case Types.TIMESTAMP -> row.getTimestamp(index);
                case Types.DATE -> row.getDate(index);
                case Types.TIME -> row.getTime(index);
                default -> row.getObject(index);
            };
            if (row.wasNull()) {
                writer.setNull(index, type);
            } else if (value instanceof byte[] bytes) {
                writer.setBytes(index, bytes);
            } else {
                writer.setObject(index, value);
            }
        }
    }
}
