package cn.siyiban.core.catalogue;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.Rows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads and publishes the catalogue in the database. */
public final class CatalogueStore {

    private final Database database;

    public CatalogueStore(Database database) {
        this.database = database;
    }

    /** Returns the catalogue version in force, 0 if none was ever published here. */
    public int currentVersion() {
        return database.query(CatalogueStore::currentVersionOf);
    }

    public static int currentVersionOf(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT MAX(version) FROM sy_catalogue_version")) {
            row.next();
            return row.getInt(1);
        }
    }

    /**
     * Publishes {@code matters} as the whole catalogue under a new version, in one transaction:
     * changed and new matters get the new revision, matters missing from the list are retired
     * (never deleted, because cases refer to them). Returns the new version.
     */
    public int publish(List<Matter> matters, String publishedBy, String note, LocalDateTime now) {
        return database.inTransaction(connection -> {
            int version = currentVersionOf(connection) + 1;
            Map<String, Matter> existing = loadAll(connection, true);
            for (Matter matter : matters) {
                Matter old = existing.remove(matter.code());
                Matter fresh = matter.withRevision(version);
                if (old == null) {
                    insertMatter(connection, fresh);
                } else if (!sameContent(old, matter)) {
                    deleteMatter(connection, old.code());
                    insertMatter(connection, fresh);
                }
            }
            for (Matter gone : existing.values()) {
                if (!gone.retired()) {
                    retire(connection, gone.code(), version);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO sy_catalogue_version (version, published_at, published_by, note) VALUES (?, ?, ?, ?)")) {
                insert.setInt(1, version);
                Rows.setTime(insert, 2, now);
                insert.setString(3, publishedBy);
                insert.setString(4, note);
                insert.executeUpdate();
            }
            return version;
        });
    }

    private static boolean sameContent(Matter old, Matter fresh) {
        return old.withRevision(0).equals(fresh.withRevision(0));
    }

    /** Returns active matters whose name, code or category contains {@code query}, in code order. */
    public List<Matter> search(String query) {
        String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        List<Matter> found = new ArrayList<>();
        for (Matter matter : database.query(connection -> loadAll(connection, false)).values()) {
            if (needle.isEmpty() || matter.name().toLowerCase(Locale.ROOT).contains(needle)
                    || matter.code().toLowerCase(Locale.ROOT).contains(needle)
                    || (matter.category() != null && matter.category().contains(needle))) {
                found.add(matter);
            }
        }
        return found;
    }

    /** Returns every matter, retired ones included, in code order. */
    public List<Matter> all() {
        return new ArrayList<>(database.query(connection -> loadAll(connection, true)).values());
    }

    /** One published catalogue version; {@code publishedAt} is county time. */
    public record Version(int version, LocalDateTime publishedAt, String publishedBy, String note) {
    }

    /** Returns the latest {@code limit} published versions, newest first. */
    public List<Version> versions(int limit) {
        return database.query(connection -> {
            List<Version> versions = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT version, published_at, published_by, "
                    + "note FROM sy_catalogue_version ORDER BY version DESC FETCH FIRST " + limit + " ROWS ONLY");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    versions.add(new Version(row.getInt("version"), Rows.time(row, "published_at"),
                            row.getString("published_by"), row.getString("note")));
                }
            }
            return versions;
        });
    }

    /**
     * Returns the matter of {@code code}, retired or not. Every intake calls this, so it reads only
     * that matter's rows: loading the whole catalogue here took 13% of an intake's CPU time in a
     * flight recording of the intake benchmark.
     */
    public Optional<Matter> find(String code) {
        return Optional.ofNullable(database.query(connection -> load(connection, true, code)).get(code));
    }

    /** Loads matters with their materials, keyed by code in code order. */
    static Map<String, Matter> loadAll(Connection connection, boolean includeRetired) throws SQLException {
        return load(connection, includeRetired, null);
    }

    /** Loads the matter of {@code onlyCode}, or every matter when it is null, as {@link #loadAll} does. */
    private static Map<String, Matter> load(Connection connection, boolean includeRetired, String onlyCode)
            throws SQLException {
        Map<String, List<Material>> materials = new LinkedHashMap<>();
        try (PreparedStatement sql = connection.prepareStatement("SELECT id, matter_code, ordinal, name, required, "
                + "key_material, commitment_allowed FROM sy_material"
                + (onlyCode == null ? "" : " WHERE matter_code = ?") + " ORDER BY matter_code, ordinal")) {
            if (onlyCode != null) {
                sql.setString(1, onlyCode);
            }
            ResultSet row = sql.executeQuery();
            while (row.next()) {
                materials.computeIfAbsent(row.getString("matter_code"), code -> new ArrayList<>())
                        .add(new Material(row.getString("id"), row.getInt("ordinal"), row.getString("name"),
                                row.getBoolean("required"), row.getBoolean("key_material"),
                                row.getBoolean("commitment_allowed")));
            }
        }
        Map<String, Matter> matters = new LinkedHashMap<>();
        try (PreparedStatement sql = connection.prepareStatement("SELECT * FROM sy_matter"
                + (onlyCode == null ? "" : " WHERE code = ?") + " ORDER BY code")) {
            if (onlyCode != null) {
                sql.setString(1, onlyCode);
            }
            ResultSet row = sql.executeQuery();
            while (row.next()) {
                boolean retired = row.getBoolean("retired");
                if (retired && !includeRetired) {
                    continue;
                }
                String code = row.getString("code");
                matters.put(code, new Matter(code, row.getString("name"), row.getString("category"),
                        row.getString("department"),
                        TimeClass.fromCode(row.getString("time_class")).orElse(null),
                        Rows.nullableInt(row, "legal_days"), Rows.nullableInt(row, "promised_days"),
                        row.getBoolean("proxy_allowed"), materials.getOrDefault(code, List.of()),
                        row.getString("source"), retired, row.getInt("revision"),
                        Rows.nullableInt(row, "validity_months")));
            }
        }
        return matters;
    }

    private static void insertMatter(Connection connection, Matter matter) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_matter (code, name, category, "
                + "department, time_class, legal_days, promised_days, proxy_allowed, retired, revision, source, "
                + "validity_months) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, matter.code());
            insert.setString(2, matter.name());
            insert.setString(3, matter.category());
            insert.setString(4, matter.department());
            insert.setString(5, matter.timeClass() == null ? null : matter.timeClass().code());
            Rows.setNullableInt(insert, 6, matter.legalDays());
            Rows.setNullableInt(insert, 7, matter.promisedDays());
            insert.setBoolean(8, matter.proxyAllowed());
            insert.setBoolean(9, matter.retired());
            insert.setInt(10, matter.revision());
            insert.setString(11, matter.source());
            Rows.setNullableInt(insert, 12, matter.validityMonths());
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_material (id, matter_code, "
                + "ordinal, name, required, key_material, commitment_allowed, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Material material : matter.materials()) {
                insert.setString(1, material.id());
                insert.setString(2, matter.code());
                insert.setInt(3, material.position());
                insert.setString(4, material.name());
                insert.setBoolean(5, material.required());
                insert.setBoolean(6, material.key());
                insert.setBoolean(7, material.commitmentAllowed());
                insert.setInt(8, matter.revision());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void deleteMatter(Connection connection, String code) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sy_material WHERE matter_code = ?")) {
            delete.setString(1, code);
            delete.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sy_matter WHERE code = ?")) {
            delete.setString(1, code);
            delete.executeUpdate();
        }
    }

    private static void retire(Connection connection, String code, int version) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE sy_matter SET retired = TRUE, revision = ? WHERE code = ?")) {
            update.setInt(1, version);
            update.setString(2, code);
            update.executeUpdate();
        }
    }
}
