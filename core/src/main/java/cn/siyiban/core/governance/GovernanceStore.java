package cn.siyiban.core.governance;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.Rows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The removed proofs ({@code sy_cancelled_proof}) and minimal lists ({@code sy_matter_minimal}) of
 * the catalogue. Central writes them; nodes read them for the intake form.
 */
public final class GovernanceStore {

    private final Database database;

    public GovernanceStore(Database database) {
        this.database = database;
    }

    /** Returns the proofs removed for {@code matterCode} and for every matter, county-wide ones first. */
    public List<CancelledProof> cancelledProofs(String matterCode) {
        return database.query(connection -> {
            List<CancelledProof> proofs = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, matter_code, name, basis, "
                    + "updated_by, updated_at FROM sy_cancelled_proof WHERE matter_code IS NULL OR matter_code = ? "
                    + "ORDER BY matter_code DESC, name")) {
                select.setString(1, matterCode);
                readProofs(select, proofs);
            }
            return proofs;
        });
    }

    /** Returns every removed proof, county-wide ones first, then by matter and name. */
    public List<CancelledProof> allCancelledProofs() {
        return database.query(connection -> {
            List<CancelledProof> proofs = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, matter_code, name, basis, "
                    + "updated_by, updated_at FROM sy_cancelled_proof ORDER BY matter_code DESC, name")) {
                readProofs(select, proofs);
            }
            return proofs;
        });
    }

    private static void readProofs(PreparedStatement select, List<CancelledProof> proofs) throws SQLException {
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                proofs.add(new CancelledProof(row.getString("id"), row.getString("matter_code"), row.getString("name"),
                        row.getString("basis"), row.getString("updated_by"), Rows.time(row, "updated_at")));
            }
        }
    }

    public static void insertProof(Connection connection, CancelledProof proof) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_cancelled_proof (id, matter_code, "
                + "name, basis, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, proof.id());
            insert.setString(2, proof.matterCode());
            insert.setString(3, proof.name());
            insert.setString(4, proof.basis());
            insert.setString(5, proof.updatedBy());
            Rows.setTime(insert, 6, proof.updatedAt());
            insert.executeUpdate();
        }
    }

    /** Deletes a removed proof, for one entered by mistake; returns false when none has {@code id}. */
    public static boolean deleteProof(Connection connection, String id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sy_cancelled_proof WHERE id = ?")) {
            delete.setString(1, id);
            return delete.executeUpdate() == 1;
        }
    }

    public Optional<MinimalLists> minimalLists(String matterCode) {
        return database.query(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT matter_code, materials, steps, "
                    + "updated_by, updated_at FROM sy_matter_minimal WHERE matter_code = ?")) {
                select.setString(1, matterCode);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<MinimalLists>empty();
                    }
                    return Optional.of(new MinimalLists(row.getString("matter_code"), lines(row.getString("materials")),
                            lines(row.getString("steps")), row.getString("updated_by"), Rows.time(row, "updated_at")));
                }
            }
        });
    }

    /** Writes the minimal lists of a matter, replacing any earlier ones. */
    public static void putMinimalLists(Connection connection, MinimalLists lists) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM sy_matter_minimal WHERE matter_code = ?")) {
            delete.setString(1, lists.matterCode());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_matter_minimal (matter_code, "
                + "materials, steps, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, lists.matterCode());
            insert.setString(2, String.join("\n", lists.materials()));
            insert.setString(3, String.join("\n", lists.steps()));
            insert.setString(4, lists.updatedBy());
            Rows.setTime(insert, 5, lists.updatedAt());
            insert.executeUpdate();
        }
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split("\n")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    public Database database() {
        return database;
    }
}
