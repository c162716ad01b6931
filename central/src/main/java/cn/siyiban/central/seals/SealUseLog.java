package cn.siyiban.central.seals;

import cn.siyiban.core.cases.CaseErrors;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.Rows;
import cn.siyiban.core.time.CountyClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every use of an electronic seal, insert-only, and raises the alert for a use without an
 * approval reference at once: a WARN line in the log when the use is recorded, and an open alert
 * of the sync monitor from {@link #unapprovedSince}.
 */
public final class SealUseLog {

    private static final Logger log = LoggerFactory.getLogger(SealUseLog.class);
    public static final String SOURCE_RESULT_READY = "result_ready";
    public static final String SOURCE_API = "api";
    private static final String COLUMNS = "id, case_no, document, seal, used_by, used_at, approval_ref, source, "
            + "recorded_by, recorded_at";

    private final Database database;
    private final CaseStore cases;
    private final CountyClock clock;

    public SealUseLog(Database database, CountyClock clock) {
        this.database = database;
        this.cases = new CaseStore(database);
        this.clock = clock;
    }

    /** Checks and stores one use reported by {@code recordedBy}; returns the stored row. */
    public SealUse record(SealUseInput input, String source, String recordedBy) {
        SealUse use = prepare(input, source, recordedBy);
        if (use.caseNo() != null && cases.findByCaseNo(use.caseNo()).isEmpty()) {
            throw CaseErrors.notFound(use.caseNo());
        }
        database.inTransaction(connection -> insert(connection, use));
        logStored(use);
        return use;
    }

    /**
     * Checks the fields of one use reported by {@code recordedBy} and returns the row to store.
     * The caller has found the use's case, stores the row with {@link #insert} in its own
     * transaction and then calls {@link #logStored}.
     */
    public SealUse prepare(SealUseInput input, String source, String recordedBy) {
        SealUseInput.Checked checked = input.check();
        LocalDateTime now = clock.now();
        return new SealUse(UUID.randomUUID().toString(), checked.caseNo(), checked.document(), checked.seal(),
                checked.usedBy() == null ? recordedBy : checked.usedBy(),
                checked.usedAt() == null ? now : checked.usedAt(), checked.approvalRef(), source, recordedBy, now);
    }

    /** Logs a stored use, as an ALERT when it has no approval reference. */
    public void logStored(SealUse use) {
        if (use.approved()) {
            log.info("Seal use {}: seal '{}' on '{}' of case {} by {}, approval {}", use.id(), use.seal(),
                    use.document(), use.caseNo(), use.usedBy(), use.approvalRef());
        } else {
            log.warn("ALERT unapproved seal use {}: seal '{}' on '{}' of case {} by {} has no approval reference",
                    use.id(), use.seal(), use.document(), use.caseNo(), use.usedBy());
        }
    }

    /** Returns the latest {@code limit} uses, newest first. */
    public List<SealUse> latest(int limit) {
        return select("SELECT " + COLUMNS + " FROM sy_seal_use ORDER BY recorded_at DESC, id FETCH FIRST " + limit
                + " ROWS ONLY", null);
    }

    /** Returns the uses without an approval reference recorded since {@code from}, newest first. */
    public List<SealUse> unapprovedSince(LocalDateTime from) {
        return select("SELECT " + COLUMNS + " FROM sy_seal_use WHERE approval_ref IS NULL AND recorded_at >= ? "
                + "ORDER BY recorded_at DESC, id", from);
    }

    /** Inserts {@code use} inside the caller's transaction. */
    public static int insert(Connection connection, SealUse use) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_seal_use (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, use.id());
            insert.setString(2, use.caseNo());
            insert.setString(3, use.document());
            insert.setString(4, use.seal());
            insert.setString(5, use.usedBy());
            Rows.setTime(insert, 6, use.usedAt());
            insert.setString(7, use.approvalRef());
            insert.setString(8, use.source());
            insert.setString(9, use.recordedBy());
            Rows.setTime(insert, 10, use.recordedAt());
            return insert.executeUpdate();
        }
    }

    private List<SealUse> select(String sql, LocalDateTime from) {
        return database.query(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (from != null) {
                    Rows.setTime(select, 1, from);
                }
                try (ResultSet row = select.executeQuery()) {
                    List<SealUse> uses = new ArrayList<>();
                    while (row.next()) {
                        uses.add(read(row));
                    }
                    return uses;
                }
            }
        });
    }

    private static SealUse read(ResultSet row) throws SQLException {
        return new SealUse(row.getString("id"), row.getString("case_no"), row.getString("document"),
                row.getString("seal"), row.getString("used_by"), Rows.time(row, "used_at"),
                row.getString("approval_ref"), row.getString("source"), row.getString("recorded_by"),
                Rows.time(row, "recorded_at"));
    }
}
