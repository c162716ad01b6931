package cn.siyiban.central.workflows;

import cn.siyiban.core.cases.CaseMaterial;
import cn.siyiban.core.cases.CaseRecord;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.cases.CommitmentBlocks;
import cn.siyiban.core.cases.CommitmentChecks;
import cn.siyiban.core.cases.MaterialStatus;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The commitment (告知承诺) state of one case, as the case page shows it: each committed
 * material with its verification result, and the open blocks of the case's applicant.
 *
 * @param materials the materials the applicant replaced by a commitment, in intake order
 * @param blocked whether the applicant has an open block, from this case or any other
 * @param openBlocks the blocks that make {@code blocked} true, oldest first
 * @param canClear whether the staff member may clear the blocks, which only county admins may
 */
public record CommitmentOverview(String caseNo, List<CommittedMaterial> materials, boolean blocked,
                                 List<OpenBlock> openBlocks, boolean canClear) {

    /** A committed material; {@code check} is null until a reviewer records the result. */
    public record CommittedMaterial(String materialId, String name, Check check) {
    }

    /**
     * A recorded result.
     *
     * @param blockId the block written for a false result, null for a true one
     */
    public record Check(String id, boolean truthful, String note, String actor, String actorName,
                        LocalDateTime checkedAt, String blockId) {
    }

    /** An open block; {@code caseNo} may be another case of the same applicant. */
    public record OpenBlock(String id, String caseNo, String materialId, String materialName, String recordedBy,
                            String recordedByName, LocalDateTime recordedAt) {
    }

    /**
     * Builds the overview of {@code record}. {@code staffName} turns user names into display names;
     * material names of other cases are read from {@code cases}.
     */
    static CommitmentOverview of(CaseRecord record, CommitmentChecks checks, CommitmentBlocks blocks,
                                 CaseStore cases, Function<String, String> staffName, boolean canClear) {
        Map<String, CommitmentChecks.Result> results = checks.forCase(record).stream()
                .collect(Collectors.toMap(CommitmentChecks.Result::materialId, Function.identity()));
        List<CommittedMaterial> materials = record.materials().stream()
                .filter(material -> material.status() == MaterialStatus.COMMITTED)
                .map(material -> new CommittedMaterial(material.materialId(), material.name(),
                        check(results.get(material.materialId()), staffName)))
                .toList();
        List<OpenBlock> open = blocks.open(record.applicant()).stream()
                .map(block -> new OpenBlock(block.id(), block.caseNo(), block.materialId(),
                        materialName(record, block, cases), block.recordedBy(), staffName.apply(block.recordedBy()),
                        block.recordedAt()))
                .toList();
        return new CommitmentOverview(record.caseNo(), materials, !open.isEmpty(), open, canClear);
    }

    private static Check check(CommitmentChecks.Result result, Function<String, String> staffName) {
        if (result == null) {
            return null;
        }
        return new Check(result.id(), result.truthful(), result.note(), result.actor(),
                staffName.apply(result.actor()), result.checkedAt(), result.blockId());
    }

    /** Returns the material's name in the case that the block came from, or its id if that case is not here. */
    private static String materialName(CaseRecord current, CommitmentBlocks.Block block, CaseStore cases) {
        CaseRecord source = block.caseNo().equals(current.caseNo()) ? current
                : cases.findByCaseNo(block.caseNo()).orElse(null);
        if (source == null) {
            return block.materialId();
        }
        return source.materials().stream()
                .filter(material -> material.materialId().equals(block.materialId()))
                .map(CaseMaterial::name)
                .findFirst()
                .orElse(block.materialId());
    }
}
