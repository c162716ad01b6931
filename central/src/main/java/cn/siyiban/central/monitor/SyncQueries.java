package cn.siyiban.central.monitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The named queries of {@code sync-nodes.sql}, split by their {@code -- name:} lines. */
final class SyncQueries {

    private static final String RESOURCE = "/cn/siyiban/central/monitor/sync-nodes.sql";
    private static final Map<String, String> QUERIES = load();

    private SyncQueries() {
    }

    static String get(String name) {
        String sql = QUERIES.get(name);
        if (sql == null) {
            throw new IllegalArgumentException("no query named " + name + " in " + RESOURCE);
        }
        return sql;
    }

    /**
     * Returns whether SymmetricDS has created its tables. Before central's engine first starts
     * they do not exist and every point is unregistered.
     */
    static boolean symmetricTablesExist(Connection connection) throws SQLException {
        // Derby stores unquoted names in upper case; PostgreSQL in lower case.
        for (String name : new String[] {"SYM_NODE", "sym_node"}) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Map<String, String> load() {
        String text;
        try (InputStream in = SyncQueries.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + RESOURCE);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Map<String, String> queries = new LinkedHashMap<>();
        String name = null;
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("-- name:")) {
                if (name != null) {
                    queries.put(name, sql.toString().strip());
                }
                name = line.substring("-- name:".length()).strip();
                sql.setLength(0);
            } else if (name != null && !line.startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        if (name != null) {
            queries.put(name, sql.toString().strip());
        }
        return queries;
    }
}
