package cn.siyiban.core.bundles;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.Rows;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads and writes bundle definitions in {@code sy_bundle}. Only central writes them. */
public final class BundleStore {

    private static final TypeReference<List<Bundle.SharedMaterial>> SHARED_LIST = new TypeReference<>() {
    };

    private final Database database;

    public BundleStore(Database database) {
        this.database = database;
    }

    /** Returns every bundle, retired ones included, in code order. */
    public List<Bundle> all() {
        return database.query(connection -> {
            List<Bundle> bundles = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM sy_bundle ORDER BY code");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    bundles.add(read(row));
                }
            }
            return bundles;
        });
    }

    public Optional<Bundle> find(String code) {
        return database.query(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM sy_bundle WHERE code = ?")) {
                select.setString(1, code);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.empty();
                }
            }
        });
    }

    /** Inserts {@code bundle}, or replaces the stored bundle of the same code, in one transaction. */
    public void save(Bundle bundle) {
        database.inTransaction(connection -> {
            save(connection, bundle);
            return null;
        });
    }

    /** Saves inside the caller's transaction, so an audit entry can commit with the change. */
    public static void save(Connection connection, Bundle bundle) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE sy_bundle SET name = ?, description = ?, "
                + "matter_codes = ?, shared_materials = ?, retired = ?, updated_by = ?, updated_at = ? WHERE code = ?")) {
            bind(update, bundle, 1);
            update.setString(8, bundle.code());
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_bundle (name, description, "
                + "matter_codes, shared_materials, retired, updated_by, updated_at, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(insert, bundle, 1);
            insert.setString(8, bundle.code());
            insert.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Bundle bundle, int first) throws SQLException {
        statement.setString(first, bundle.name());
        statement.setString(first + 1, bundle.description());
        statement.setString(first + 2, String.join(",", bundle.matterCodes()));
        statement.setString(first + 3, writeShared(bundle.sharedMaterials()));
        statement.setBoolean(first + 4, bundle.retired());
        statement.setString(first + 5, bundle.updatedBy());
        Rows.setTime(statement, first + 6, bundle.updatedAt());
    }

    private static Bundle read(ResultSet row) throws SQLException {
        List<String> matters = Arrays.stream(row.getString("matter_codes").split(","))
                .map(String::strip)
                .filter(code -> !code.isEmpty())
                .toList();
        return new Bundle(row.getString("code"), row.getString("name"), row.getString("description"), matters,
                readShared(row.getString("shared_materials"), row.getString("code")), row.getBoolean("retired"),
                row.getString("updated_by"), Rows.time(row, "updated_at"));
    }

    static String writeShared(List<Bundle.SharedMaterial> shared) {
        return JsonColumn.write(shared);
    }

    private static List<Bundle.SharedMaterial> readShared(String text, String code) {
        return JsonColumn.read(text, SHARED_LIST, "bundle " + code);
    }
}
