package cn.siyiban.central.migration;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Orders tables so that every table comes after the tables its foreign keys refer to. Rows are
 * inserted in this order and deleted in the reverse one, so no foreign key check fails without
 * the superuser right to switch the checks off.
 */
final class TableOrder {

    private TableOrder() {
    }

    /**
     * Returns {@code tables} (lower case) with referenced tables first, and tables of the same
     * depth in name order. References to tables outside the set and to the table itself are
     * ignored.
     *
     * @throws IllegalStateException if the foreign keys form a cycle
     */
    static List<String> of(DatabaseMetaData metadata, String schema, Set<String> tables) throws SQLException {
        Map<String, Set<String>> references = new TreeMap<>();
        for (String table : tables) {
            Set<String> referenced = new TreeSet<>();
            try (ResultSet keys = metadata.getImportedKeys(null, schema, table)) {
                while (keys.next()) {
                    String parent = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (tables.contains(parent) && !parent.equals(table)) {
                        referenced.add(parent);
                    }
                }
            }
            references.put(table, referenced);
        }
        return sorted(references);
    }

    /** Sorts by Kahn's algorithm: repeatedly takes every table whose references are all placed. */
    static List<String> sorted(Map<String, Set<String>> references) {
        List<String> order = new ArrayList<>();
        Set<String> placed = new TreeSet<>();
        while (placed.size() < references.size()) {
            List<String> ready = new ArrayList<>();
            for (Map.Entry<String, Set<String>> table : references.entrySet()) {
                if (!placed.contains(table.getKey()) && placed.containsAll(table.getValue())) {
                    ready.add(table.getKey());
                }
            }
            if (ready.isEmpty()) {
                Set<String> left = new TreeSet<>(references.keySet());
                left.removeAll(placed);
                throw new IllegalStateException("foreign keys form a cycle among " + left);
            }
            order.addAll(ready);
            placed.addAll(ready);
        }
        return order;
    }
}
