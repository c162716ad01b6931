package cn.siyiban.core.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned SQL scripts listed in a class path {@code index.txt}, each once, in
 * order, each in its own transaction, and records them in a version table with a checksum. A
 * script whose text changed after it was applied stops the start, because the databases in the
 * field would no longer match the code.
 *
 * <p>Most scripts are plain DDL that Derby and PostgreSQL both run, and sit in the folder itself.
 * A script that cannot be written once for both (a trigger, for example) has one version per
 * dialect instead, under the same name in the subfolders {@code derby/} and {@code postgresql/}
 * ({@link Dialect#folder()}); index.txt lists the name once. The version table records that
 * name and the checksum of the version the database ran. Both Derby and PostgreSQL run DDL
 * inside transactions, so a failed script leaves nothing behind.
 */
public final class SchemaMigrator {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);
    private static final Pattern VERSIONED_NAME = Pattern.compile("V(\\d+)__");
    private final String folder;
    private final String versionTable;

    /**
     * @param folder class path folder holding {@code index.txt} and the scripts it lists
     * @param versionTable table recording the applied scripts, one per script set
     */
    public SchemaMigrator(String folder, String versionTable) {
        this.folder = folder.endsWith("/") ? folder : folder + "/";
        this.versionTable = versionTable.toLowerCase(java.util.Locale.ROOT);
    }

    /** The schema shipped in siyiban-core, recorded in {@code sy_schema_version}. */
    public static SchemaMigrator core() {
        return new SchemaMigrator("/cn/siyiban/core/schema/", "sy_schema_version");
    }

    /** Applies every pending script; returns the names of the scripts applied now. */
    public List<String> migrate(Database database) {
        Map<String, String> scripts = readScripts(database.dialect());
        database.inTransaction(connection -> {
            createVersionTable(connection, versionTable);
            return null;
        });
        return applyPending(database, scripts);
    }

    private List<String> applyPending(Database database, Map<String, String> scripts) {
        Map<String, String> applied = database.query(connection -> appliedChecksums(connection, versionTable));
        List<String> appliedNow = new ArrayList<>();
        int position = 0;
        for (Map.Entry<String, String> script : scripts.entrySet()) {
            position++;
            String name = script.getKey();
            String checksum = checksum(script.getValue());
            String recorded = applied.get(name);
            if (recorded != null) {
                if (!recorded.equals(checksum)) {
                    throw new IllegalStateException("schema script " + name
                            + " changed after it was applied (checksum " + recorded + " in the database, "
                            + checksum + " shipped); add a new script instead of editing an applied one");
                }
                continue;
            }
            int scriptVersion = version(name, position);
            database.inTransaction(connection -> {
                for (String statement : statements(script.getValue())) {
                    try (Statement sql = connection.createStatement()) {
                        sql.execute(statement);
                    }
                }
                recordScript(connection, versionTable, scriptVersion, name, checksum);
                return null;
            });
            log.info("Applied schema script {} (version {})", name, scriptVersion);
            appliedNow.add(name);
        }
        return appliedNow;
    }

    /**
     * Returns the version recorded for a script: the number of its name ({@code V010__x.sql} is
     * 10), or its position in {@code index.txt} for a name without one. Numbers leave gaps where
     * scripts of other branches will land. Because a script is recorded under its own number, a
     * database that applied V010 before V008 was merged still applies V008 later without
     * clashing with V010's row. Every script named up to V007 had the same number and position,
     * so existing databases record the same versions as before.
     */
    static int version(String name, int position) {
        Matcher number = VERSIONED_NAME.matcher(name);
        return number.lookingAt() ? Integer.parseInt(number.group(1)) : position;
    }

    /** Reads the scripts in index order, each in the version for {@code dialect}; name to text. */
    Map<String, String> readScripts(Dialect dialect) {
        Map<String, String> scripts = new LinkedHashMap<>();
        for (String line : resource("index.txt").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                scripts.put(name, scriptFor(name, dialect));
            }
        }
        return scripts;
    }

    /**
     * Returns the text of script {@code name} for {@code dialect}. A script is either shared, in
     * the folder itself, or split, with a version in every dialect's subfolder; anything else is
     * a packaging mistake that would make the two databases differ, so it stops the start.
     */
    private String scriptFor(String name, Dialect dialect) {
        String shared = optionalResource(name);
        List<Dialect> missing = new ArrayList<>();
        for (Dialect each : Dialect.values()) {
            if (optionalResource(each.folder() + "/" + name) == null) {
                missing.add(each);
            }
        }
        if (shared != null && missing.size() < Dialect.values().length) {
            throw new IllegalStateException("schema script " + folder + name
                    + " exists both shared and in a dialect subfolder; keep one of the two");
        }
        if (shared != null) {
            return shared;
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("schema script " + name + " is missing in " + folder + " and in "
                    + missing.stream().map(each -> folder + each.folder() + "/").toList());
        }
        return optionalResource(dialect.folder() + "/" + name);
    }

    private String resource(String name) {
        String text = optionalResource(name);
        if (text == null) {
            throw new IllegalStateException("missing class path resource " + folder + name);
        }
        return text;
    }

    private String optionalResource(String name) {
        String path = folder + name;
        try (InputStream in = SchemaMigrator.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /**
     * Splits a script at semicolons that end a line, after removing {@code --} comment lines.
     * siyiban's scripts keep one statement per semicolon-terminated block and put no
     * semicolons inside literals, which this relies on. The one exception is a PostgreSQL
     * function body between two {@code $$} marks, whose semicolons stay inside the statement.
     */
    static List<String> statements(String script) {
        StringBuilder current = new StringBuilder();
        List<String> statements = new ArrayList<>();
        boolean inBody = false;
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            if (countDollarQuotes(trimmed) % 2 == 1) {
                inBody = !inBody;
            }
            if (!inBody && trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                statements.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static int countDollarQuotes(String line) {
        int count = 0;
        for (int at = line.indexOf("$$"); at >= 0; at = line.indexOf("$$", at + 2)) {
            count++;
        }
        return count;
    }

    private static void createVersionTable(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        // Derby reports unquoted names in upper case, PostgreSQL in lower case.
        try (ResultSet upper = meta.getTables(null, null, table.toUpperCase(java.util.Locale.ROOT), null);
             ResultSet lower = meta.getTables(null, null, table, null)) {
            if (upper.next() || lower.next()) {
                return;
            }
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE " + table + " (version INTEGER NOT NULL PRIMARY KEY, "
                    + "script VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL, applied_at TIMESTAMP NOT NULL)");
        }
    }

    private static Map<String, String> appliedChecksums(Connection connection, String table) throws SQLException {
        Map<String, String> applied = new LinkedHashMap<>();
        try (Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT script, checksum FROM " + table + " ORDER BY version")) {
            while (rows.next()) {
                applied.put(rows.getString(1), rows.getString(2));
            }
        }
        return applied;
    }

    private static void recordScript(Connection connection, String table, int version, String name,
                                     String checksum) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + table + " (version, script, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
            insert.setInt(1, version);
            insert.setString(2, name);
            insert.setString(3, checksum);
            insert.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now()));
            insert.executeUpdate();
        }
    }

    static String checksum(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
