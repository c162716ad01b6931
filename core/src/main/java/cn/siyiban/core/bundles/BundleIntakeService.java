package cn.siyiban.core.bundles;

import cn.siyiban.core.applicant.ResidentIdNumber;
import cn.siyiban.core.cases.CaseRecord;
import cn.siyiban.core.cases.IntakeRequest;
import cn.siyiban.core.cases.IntakeService;
import cn.siyiban.core.cases.MaterialStatus;
import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.db.DatabaseException;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.time.CountyClock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes in a bundle (一件事): one form creates one normal case per matter, each with its own
 * number and intake event, plus the submission that links them. Every case passes the same checks
 * as a single intake, and all of them are written in one transaction, so a bundle is saved whole
 * or not at all.
 */
public final class BundleIntakeService {

    private static final Logger log = LoggerFactory.getLogger(BundleIntakeService.class);

    /** Request fields whose problems depend on the matter. */
    private static final Set<String> MATTER_FIELDS = Set.of("materials", "proxy", "supplementDue");

    private final IntakeService intake;
    private final BundleStore bundles;
    private final CatalogueStore catalogue;
    private final BundleSubmissionStore submissions;
    private final CountyClock clock;

    public BundleIntakeService(IntakeService intake, BundleStore bundles, CatalogueStore catalogue,
                               BundleSubmissionStore submissions, CountyClock clock) {
        this.intake = intake;
        this.bundles = bundles;
        this.catalogue = catalogue;
        this.submissions = submissions;
        this.clock = clock;
    }

    /** A bundle that intake may use now, with its matters and its merged material list. */
    public record ActiveBundle(Bundle bundle, List<Matter> matters, List<MergedMaterial> materials) {
    }

    /**
     * Returns the bundle with code {@code code} if it and all its matters are in force; rejects a
     * bundle that is unknown, retired, or names a matter the catalogue no longer offers.
     */
    public ActiveBundle active(String code) {
        if (code == null || code.isBlank()) {
            throw DomainException.invalid("missing_bundle", "请选择要办理的一件事", "bundleCode");
        }
        Bundle bundle = bundles.find(code.strip()).orElseThrow(() -> DomainException.notFound("bundle_not_found",
                "一件事“" + code + "”不存在，请刷新页面后重新选择"));
        if (bundle.retired()) {
            throw DomainException.invalid("bundle_retired", "一件事“" + bundle.name() + "”已停止办理", "bundleCode");
        }
        List<Matter> matters = new ArrayList<>();
        for (String matterCode : bundle.matterCodes()) {
            Matter matter = catalogue.find(matterCode).filter(found -> !found.retired()).orElseThrow(() ->
                    new DomainException(DomainException.Kind.CONFLICT, "bundle_matter_unavailable",
                            "一件事“" + bundle.name() + "”包含的事项" + matterCode
                                    + "已不在事项目录中，请分别受理其他事项并联系县级管理员",
                            Map.of("matterCode", matterCode)));
            matters.add(matter);
        }
        return new ActiveBundle(bundle, matters, BundleMaterials.merge(bundle, matters));
    }

    public BundleIntakeResult takeIn(BundleIntakeRequest request, Staff clerk) {
        LocalDateTime now = clock.now();
        String requestKey = IntakeService.checkRequestKey(request.requestKey());
        ActiveBundle active = active(request.bundleCode());
        Map<String, List<IntakeRequest.MaterialInput>> perMatter =
                BundleMaterials.expand(active.materials(), request.materials());
        List<IntakeService.CheckedIntake> checked = new ArrayList<>();
        for (Matter matter : active.matters()) {
            IntakeRequest single = new IntakeRequest(matter.code(), request.applicant(),
                    perMatter.getOrDefault(matter.code(), List.of()), request.proxy(), null, request.supplementDue());
            checked.add(checkOne(single, matter, now));
        }
        List<BundleSubmission.MaterialLine> lines = lines(active.materials(), request.materials());

        BundleIntakeResult result;
        try {
            result = intake.retrying(() -> save(active, checked, lines, clerk, requestKey, now));
        } catch (DatabaseException e) {
            // A simultaneous submission with the same key committed first; return its bundle.
            Optional<BundleSubmission> saved = requestKey == null ? Optional.empty()
                    : submissions.database().query(connection ->
                    BundleSubmissionStore.findByRequestKey(connection, intake.pointCode(), requestKey));
            if (saved.isEmpty() || !e.isDuplicateKey()) {
                throw e;
            }
            result = new BundleIntakeResult(saved.get(), false);
        }
        BundleSubmission submission = result.submission();
        if (result.created()) {
            log.info("Took in bundle {} ({}) with cases {} by {} (applicant id {})", submission.bundleNo(),
                    submission.bundleCode(), submission.caseIds().size(), clerk.username(),
                    ResidentIdNumber.mask(checked.get(0).applicant().idNumber()));
        } else {
            log.info("Returned bundle {} already saved for repeated request key", submission.bundleNo());
        }
        return result;
    }

    /**
     * Checks one matter's case. A material, proxy or deadline problem names the matter in its
     * message, because the form covers several; an applicant problem is the same for all of them.
     */
    private IntakeService.CheckedIntake checkOne(IntakeRequest single, Matter matter, LocalDateTime now) {
        try {
            return intake.check(single, now);
        } catch (DomainException e) {
            Map<String, Object> details = new HashMap<>(e.details());
            details.put("matterCode", matter.code());
            boolean perMatter = MATTER_FIELDS.contains(String.valueOf(e.details().get("field")));
            String message = perMatter ? "事项“" + matter.name() + "”：" + e.getMessage() : e.getMessage();
            throw new DomainException(e.kind(), e.code(), message, details);
        }
    }

    private BundleIntakeResult save(ActiveBundle active, List<IntakeService.CheckedIntake> checked,
                                    List<BundleSubmission.MaterialLine> lines, Staff clerk, String requestKey,
                                    LocalDateTime now) {
        return submissions.database().inTransaction(connection -> {
            if (requestKey != null) {
                Optional<BundleSubmission> saved =
                        BundleSubmissionStore.findByRequestKey(connection, intake.pointCode(), requestKey);
                if (saved.isPresent()) {
                    return new BundleIntakeResult(saved.get(), false);
                }
            }
            List<CaseRecord> cases = new ArrayList<>();
            for (IntakeService.CheckedIntake one : checked) {
                cases.add(intake.insert(connection, one, clerk, null));
            }
            BundleSubmission submission = new BundleSubmission(UUID.randomUUID().toString(),
                    BundleSubmission.numberFor(cases.get(0).caseNo()), intake.pointCode(), active.bundle().code(),
                    active.bundle().name(), cases.size(), lines, clerk.username(), now,
                    cases.stream().map(CaseRecord::id).toList());
            BundleSubmissionStore.insert(connection, submission, requestKey);
            return new BundleIntakeResult(submission, true);
        });
    }

    /** Returns the merged list with the ticked status of each line; a line left out is missing. */
    private static List<BundleSubmission.MaterialLine> lines(List<MergedMaterial> merged,
                                                             List<IntakeRequest.MaterialInput> inputs) {
        Map<String, String> statuses = new LinkedHashMap<>();
        for (IntakeRequest.MaterialInput input : inputs == null ? List.<IntakeRequest.MaterialInput>of() : inputs) {
            statuses.put(input.materialId(), input.status());
        }
        return merged.stream()
                .map(line -> new BundleSubmission.MaterialLine(line.id(), line.name(),
                        statuses.getOrDefault(line.id(), MaterialStatus.MISSING.code()), line.materialIds()))
                .toList();
    }
}
