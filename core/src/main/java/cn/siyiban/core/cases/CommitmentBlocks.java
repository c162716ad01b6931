package cn.siyiban.core.cases;

import cn.siyiban.core.applicant.Applicant;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.Rows;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * False commitments (告知承诺) recorded against applicants. Central writes a row when it finds a
 * commitment untrue; sync copies the row to every node, where intake then rejects commitments
 * and 容缺 for that applicant until central clears the row.
 *
 * <p>The applicant is stored only as {@link #applicantKey}, a SHA-256 of the ID type and the
 * normalized ID number, because the rows reach every node of the county and need no personal
 * data there. NOTE: this is pseudonymization, not anonymization. Resident ID numbers have few
 * enough possible values that trying them all can reverse the hash, so the table must still be
 * treated as personal data.
 */
public final class CommitmentBlocks {

    private final Database database;

    public CommitmentBlocks(Database database) {
        this.database = database;
    }

    /** A false commitment that still blocks its applicant. */
    public record Block(String id, String caseNo, String materialId, String recordedBy, LocalDateTime recordedAt) {
    }

    /** Returns the lowercase hex SHA-256 of "idType:idNumber", with the number as validated at intake. */
    public static String applicantKey(Applicant applicant) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (applicant.idType().code() + ":" + applicant.idNumber()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Returns whether a false commitment of {@code applicant} is recorded here and not cleared. */
    public boolean blocked(Applicant applicant) {
        String key = applicantKey(applicant);
        return database.query(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) FROM sy_commitment_block WHERE applicant_key = ? AND cleared_at IS NULL")) {
                select.setString(1, key);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getInt(1) > 0;
                }
            }
        });
    }

    /** Returns the blocks of {@code applicant} recorded here and not cleared, oldest first. */
    public List<Block> open(Applicant applicant) {
        String key = applicantKey(applicant);
        return database.query(connection -> {
            List<Block> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, case_no, material_id, "
                    + "recorded_by, recorded_at FROM sy_commitment_block WHERE applicant_key = ? AND cleared_at IS NULL "
                    + "ORDER BY recorded_at, id")) {
                select.setString(1, key);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        found.add(new Block(row.getString("id"), row.getString("case_no"),
                                row.getString("material_id"), row.getString("recorded_by"),
                                Rows.time(row, "recorded_at")));
                    }
                }
            }
            return found;
        });
    }

    /** Inserts a block row within the caller's transaction. */
    static void insert(Connection connection, String id, Applicant applicant, String caseNo, String materialId,
                       String actor, LocalDateTime at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_commitment_block "
                + "(id, applicant_key, case_no, material_id, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, applicantKey(applicant));
            insert.setString(3, caseNo);
            insert.setString(4, materialId);
            insert.setString(5, actor);
            Rows.setTime(insert, 6, at);
            insert.executeUpdate();
        }
    }

    /** Clears every open block of {@code applicant}; returns how many rows it cleared. */
    public int clear(Applicant applicant, String actor, LocalDateTime at) {
        String key = applicantKey(applicant);
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sy_commitment_block "
                    + "SET cleared_by = ?, cleared_at = ? WHERE applicant_key = ? AND cleared_at IS NULL")) {
                update.setString(1, actor);
                Rows.setTime(update, 2, at);
                update.setString(3, key);
                return update.executeUpdate();
            }
        });
    }
}
