package cn.siyiban.core.cases;

import cn.siyiban.core.db.Rows;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.time.CountyClock;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records at central whether a commitment (告知承诺) that replaced a material was true. A false
 * one also writes a {@link CommitmentBlocks} row in the same transaction.
 */
public final class CommitmentChecks {

    private static final Logger log = LoggerFactory.getLogger(CommitmentChecks.class);
    /** Maximum characters of the verification note. */
    public static final int MAX_NOTE = 500;

    private final CaseStore cases;
    private final CountyClock clock;

    public CommitmentChecks(CaseStore cases, CountyClock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    /**
     * One verification result.
     *
     * @param blockId the block row written for a false commitment, null for a true one
     */
    public record Result(String id, String caseNo, String materialId, String materialName, boolean truthful,
                         String note, String actor, LocalDateTime checkedAt, String blockId) {
    }

    /**
     * Records the result for the committed material {@code materialId} of case {@code caseNo}.
     * A note is required when {@code truthful} is false, because it is the reason for the block.
     */
    public Result record(String caseNo, String materialId, Boolean truthful, String note, Staff reviewer) {
        if (truthful == null) {
            throw DomainException.invalid("missing_truthful", "请选择核查结果：承诺属实（true）或不实（false）", "truthful");
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_NOTE) {
            throw DomainException.invalid("invalid_note", "核查说明过长：最多" + MAX_NOTE + "字", "note");
        }
        if (!truthful && text.isEmpty()) {
            throw DomainException.invalid("missing_note", "承诺不实时必须填写核查说明", "note");
        }
        CaseRecord record = cases.findByCaseNo(caseNo).orElseThrow(
                () -> CaseErrors.notFound(caseNo));
        CaseMaterial material = record.materials().stream()
                .filter(candidate -> candidate.materialId().equals(materialId)
                        && candidate.status() == MaterialStatus.COMMITTED)
                .findFirst()
                .orElseThrow(() -> DomainException.invalid("material_not_committed",
                        "办件" + caseNo + "中没有以承诺代替的材料“" + materialId + "”", "materialId"));
        LocalDateTime now = clock.now();
        String id = UUID.randomUUID().toString();
        String blockId = truthful ? null : UUID.randomUUID().toString();
        save(record, material, id, truthful, text, reviewer, now, blockId);

        if (truthful) {
            log.info("Recorded commitment on case {} material {} as true by {}", caseNo, materialId, reviewer.username());
        } else {
            log.info("Recorded commitment on case {} material {} as false by {}; applicant blocked as {}", caseNo,
                    materialId, reviewer.username(), blockId);
        }
        return new Result(id, caseNo, materialId, material.name(), truthful, text.isEmpty() ? null : text,
                reviewer.username(), now, blockId);
    }

    /**
     * Returns the results recorded for the committed materials of {@code record}, oldest first.
     * {@code blockId} is the block written with a false result, whether or not it has been cleared.
     */
    public List<Result> forCase(CaseRecord record) {
        Map<String, String> names = new HashMap<>();
        record.materials().forEach(material -> names.put(material.materialId(), material.name()));
        return cases.database().query(connection -> {
            List<Result> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT c.id, c.material_id, c.truthful, "
                    + "c.note, c.actor, c.checked_at, b.id AS block_id FROM sy_commitment_check c "
                    + "LEFT JOIN sy_commitment_block b ON b.case_no = c.case_no AND b.material_id = c.material_id "
                    + "WHERE c.case_no = ? ORDER BY c.checked_at, c.id")) {
                select.setString(1, record.caseNo());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        String materialId = row.getString("material_id");
                        found.add(new Result(row.getString("id"), record.caseNo(), materialId,
                                names.getOrDefault(materialId, materialId), row.getBoolean("truthful"),
                                row.getString("note"), row.getString("actor"), Rows.time(row, "checked_at"),
                                row.getString("block_id")));
                    }
                }
            }
            return found;
        });
    }

    /** Writes the check and, for a false commitment, the block in one transaction. */
    private void save(CaseRecord record, CaseMaterial material, String id, boolean truthful, String text,
                      Staff reviewer, LocalDateTime now, String blockId) {
        String caseNo = record.caseNo();
        String materialId = material.materialId();
        cases.database().inTransaction(connection -> {
            try (PreparedStatement exists = connection.prepareStatement(
                    "SELECT COUNT(*) FROM sy_commitment_check WHERE case_no = ? AND material_id = ?")) {
                exists.setString(1, caseNo);
                exists.setString(2, materialId);
                try (var row = exists.executeQuery()) {
                    row.next();
                    if (row.getInt(1) > 0) {
                        throw new DomainException(DomainException.Kind.CONFLICT, "commitment_checked",
                                "材料“" + material.name() + "”的承诺已经核查过", Map.of("materialId", materialId));
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_commitment_check "
                    + "(id, case_no, material_id, truthful, note, actor, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, caseNo);
                insert.setString(3, materialId);
                insert.setBoolean(4, truthful);
                insert.setString(5, text.isEmpty() ? null : text);
                insert.setString(6, reviewer.username());
                Rows.setTime(insert, 7, now);
                insert.executeUpdate();
            }
            if (blockId != null) {
                CommitmentBlocks.insert(connection, blockId, record.applicant(), caseNo, materialId,
                        reviewer.username(), now);
            }
            return null;
        });
    }
}
