package cn.siyiban.core.bundles;

import cn.siyiban.core.cases.CaseRecord;
import cn.siyiban.core.cases.CaseStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a bundle submission together with its linked cases, for the status and receipt pages. */
public final class BundleReader {

    private final BundleSubmissionStore submissions;
    private final CaseStore cases;

    public BundleReader(BundleSubmissionStore submissions, CaseStore cases) {
        this.submissions = submissions;
        this.cases = cases;
    }

    /** A submission and the linked cases stored here, in bundle order. */
    public record LoadedBundle(BundleSubmission submission, List<CaseRecord> cases) {

        public LoadedBundle {
            cases = List.copyOf(cases);
        }

        public BundleStatus status() {
            return BundleStatus.of(cases.stream().map(CaseRecord::status).toList(), submission.caseCount());
        }
    }

    public Optional<LoadedBundle> byNumber(String bundleNo) {
        return submissions.findByNumber(bundleNo).map(this::load);
    }

    /** Returns the bundle {@code caseRecord} was taken in with, if any. */
    public Optional<LoadedBundle> byCase(CaseRecord caseRecord) {
        return submissions.findByCaseId(caseRecord.id()).map(this::load);
    }

    private LoadedBundle load(BundleSubmission submission) {
        List<CaseRecord> linked = new ArrayList<>();
        for (String id : submission.caseIds()) {
            cases.findById(id).ifPresent(linked::add);
        }
        return new LoadedBundle(submission, linked);
    }
}
