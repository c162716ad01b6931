package cn.siyiban.central.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves each PostgreSQL sequence that numbers a column (a serial default or an identity) past
 * the highest copied value.
 * The copy writes the Derby keys as they are, so without this SymmetricDS's {@code sym_data}
 * would number its next captured change from 1 and collide with a copied row.
 */
final class SequenceReset {

    private static final Pattern NEXTVAL = Pattern.compile("nextval\\('([^']+)'");

    private SequenceReset() {
    }

    static void afterCopy(Connection target, String schema, Consumer<String> progress) throws SQLException {
        String columns = "SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name),"
                + " column_default"
                + " FROM information_schema.columns WHERE table_schema = ?"
                + " AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')";
        try (PreparedStatement select = target.prepareStatement(columns)) {
            select.setString(1, schema);
            try (ResultSet column = select.executeQuery()) {
                while (column.next()) {
                    String table = TableCopy.quoted(column.getString(1));
                    String name = TableCopy.quoted(column.getString(2));
                    String sequence = column.getString(3) != null ? column.getString(3) : sequenceOf(column.getString(4));
                    long next = reset(target, table, name, sequence);
                    progress.accept("序列 " + sequence + " 从 " + next + " 继续");
                }
            }
        }
    }

    /**
     * Returns the sequence a {@code nextval('name'::regclass)} default names. SymmetricDS 3.15.22
     * creates the sequence of {@code sym_data} apart from the table, so PostgreSQL does not report it
     * as the column's own sequence.
     */
    static String sequenceOf(String columnDefault) {
        Matcher name = NEXTVAL.matcher(columnDefault);
        if (!name.find()) {
            throw new IllegalStateException("no sequence in column default " + columnDefault);
        }
        return name.group(1);
    }

    /** Sets the sequence so that its next value is one above the column's maximum; returns that value. */
    private static long reset(Connection target, String table, String column, String sequence) throws SQLException {
        String max = "SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table;
        long next;
        try (Statement select = target.createStatement(); ResultSet row = select.executeQuery(max)) {
            row.next();
            next = row.getLong(1);
        }
        try (PreparedStatement set = target.prepareStatement("SELECT setval(?, ?, false)")) {
            set.setString(1, sequence);
            set.setLong(2, next);
            set.execute();
        }
        return next;
    }
}
