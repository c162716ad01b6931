package cn.siyiban.core.web;

import cn.siyiban.core.applicant.Applicant;
import cn.siyiban.core.bundles.BundleReader;
import cn.siyiban.core.bundles.BundleStatus;
import cn.siyiban.core.bundles.BundleSubmission;
import cn.siyiban.core.cases.CaseRecord;
import cn.siyiban.core.cases.MaterialStatus;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;

/**
 * A bundle (一件事) as {@code GET /api/bundle-submissions/{bundleNo}} returns it on node and
 * central: its derived status, its linked cases and its merged material list, for the receipt and
 * the case detail page.
 *
 * @param caseCount how many cases intake created
 * @param casesArrived how many of them are stored here; at central fewer until sync delivers the rest
 * @param casesFinished how many are delivered, closed or terminated
 * @param applicant the applicant of the first stored case, null before any case arrived
 */
public record BundleView(String id, String bundleNo, String bundleCode, String bundleName, String originPoint,
                         String originPointName, String intakeClerk, String intakeClerkName,
                         LocalDateTime createdAt, String status, String statusLabel, int caseCount,
                         int casesArrived, int casesFinished, CaseView.ApplicantView applicant, boolean proxy,
                         List<MaterialLine> materials, List<CaseLine> cases) {

    public record MaterialLine(String id, String name, String status, String statusLabel) {
    }

    /** One linked case; it contains no personal data, so any staff member allowed to see one sibling may see it. */
    public record CaseLine(String caseNo, String matterCode, String matterName, String department, String status,
                           String statusLabel, LocalDateTime dueAt, boolean finished) {
    }

    public static BundleView of(BundleReader.LoadedBundle loaded, Function<String, String> pointName,
                                Function<String, String> staffName) {
        BundleSubmission submission = loaded.submission();
        List<CaseRecord> cases = loaded.cases();
        BundleStatus status = loaded.status();
        CaseView.ApplicantView applicant = null;
        if (!cases.isEmpty()) {
            Applicant first = cases.get(0).applicant();
            applicant = new CaseView.ApplicantView(first.name(), first.idType().code(), first.idType().label(),
                    first.idNumber(), first.phone(), first.address());
        }
        List<MaterialLine> materials = submission.materials().stream()
                .map(line -> new MaterialLine(line.id(), line.name(), line.status(),
                        MaterialStatus.fromCode(line.status()).map(MaterialStatus::label).orElse(line.status())))
                .toList();
        List<CaseLine> lines = cases.stream()
                .map(record -> new CaseLine(record.caseNo(), record.matterCode(), record.matterName(),
                        record.department(), record.status().code(), record.status().statusLabel(), record.dueAt(),
                        BundleStatus.finished(record.status())))
                .toList();
        int finished = (int) lines.stream().filter(CaseLine::finished).count();
        return new BundleView(submission.id(), submission.bundleNo(), submission.bundleCode(),
                submission.bundleName(), submission.originPoint(), pointName.apply(submission.originPoint()),
                submission.intakeClerk(), staffName.apply(submission.intakeClerk()), submission.createdAt(),
                status.code(), status.label(), submission.caseCount(), cases.size(), finished, applicant,
                !cases.isEmpty() && cases.get(0).proxy(), materials, lines);
    }
}
