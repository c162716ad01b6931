package cn.siyiban.core.bundles;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.Rows;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and writes bundle submissions and their links to cases. */
public final class BundleSubmissionStore {

    private static final TypeReference<List<BundleSubmission.MaterialLine>> LINES = new TypeReference<>() {
    };

    private final Database database;

    public BundleSubmissionStore(Database database) {
        this.database = database;
    }

    public Database database() {
        return database;
    }

    public Optional<BundleSubmission> findByNumber(String bundleNo) {
        return database.query(connection -> find(connection, "bundle_no", bundleNo));
    }

    /** Finds the submission a case belongs to, if any. */
    public Optional<BundleSubmission> findByCaseId(String caseId) {
        return database.query(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT submission_id FROM sy_bundle_case WHERE case_id = ?")) {
                select.setString(1, caseId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? find(connection, "id", row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Finds the submission a point saved under a bundle form's idempotency key. */
    static Optional<BundleSubmission> findByRequestKey(Connection connection, String point, String requestKey)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM sy_bundle_submission WHERE origin_point = ? AND request_key = ?")) {
            select.setString(1, point);
            select.setString(2, requestKey);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? find(connection, "id", row.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Inserts a submission and its case links inside the caller's transaction, after the cases,
     * so SymmetricDS captures the cases first and central never links a case it has not loaded.
     */
    static void insert(Connection connection, BundleSubmission submission, String requestKey) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_bundle_submission (id, bundle_no, "
                + "origin_point, bundle_code, bundle_name, case_count, materials, intake_clerk, created_at, "
                + "request_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, submission.id());
            insert.setString(2, submission.bundleNo());
            insert.setString(3, submission.originPoint());
            insert.setString(4, submission.bundleCode());
            insert.setString(5, submission.bundleName());
            insert.setInt(6, submission.caseCount());
            insert.setString(7, writeLines(submission.materials()));
            insert.setString(8, submission.intakeClerk());
            Rows.setTime(insert, 9, submission.createdAt());
            insert.setString(10, requestKey);
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_bundle_case (case_id, "
                + "submission_id, origin_point, ordinal) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < submission.caseIds().size(); i++) {
                insert.setString(1, submission.caseIds().get(i));
                insert.setString(2, submission.id());
                insert.setString(3, submission.originPoint());
                insert.setInt(4, i + 1);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Optional<BundleSubmission> find(Connection connection, String column, String value)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM sy_bundle_submission WHERE " + column + " = ?")) {
            select.setString(1, value);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String id = row.getString("id");
                return Optional.of(new BundleSubmission(id, row.getString("bundle_no"), row.getString("origin_point"),
                        row.getString("bundle_code"), row.getString("bundle_name"), row.getInt("case_count"),
                        readLines(row.getString("materials"), id), row.getString("intake_clerk"),
                        Rows.time(row, "created_at"), caseIds(connection, id)));
            }
        }
    }

    /** Returns the ids of the linked cases in bundle order, only those whose case row is stored here. */
    private static List<String> caseIds(Connection connection, String submissionId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT l.case_id FROM sy_bundle_case l "
                + "JOIN sy_case c ON c.id = l.case_id WHERE l.submission_id = ? ORDER BY l.ordinal")) {
            select.setString(1, submissionId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getString(1));
                }
            }
        }
        return ids;
    }

    private static String writeLines(List<BundleSubmission.MaterialLine> lines) {
        return JsonColumn.write(lines);
    }

    private static List<BundleSubmission.MaterialLine> readLines(String text, String id) {
        return JsonColumn.read(text, LINES, "bundle submission " + id);
    }
}
