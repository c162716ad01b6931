package cn.siyiban.core.bundles;

import cn.siyiban.core.cases.CaseEventType;
import java.util.List;
import java.util.Set;

/**
 * The status a citizen sees for a bundle, derived from the statuses of its cases: the bundle is
 * done (已办结) only when every one of its cases is.
 */
public enum BundleStatus {
    IN_PROGRESS("in_progress", "办理中"),
    SUPPLEMENT_REQUESTED("supplement_requested", "待补正"),
    RESULT_READY("result_ready", "待领取"),
    DONE("done", "已办结");

    /** Case statuses after which nothing is left to do for the citizen. */
    static final Set<CaseEventType> FINISHED =
            Set.of(CaseEventType.DELIVERED, CaseEventType.CLOSED, CaseEventType.TERMINATED);
    /** Case statuses whose result waits to be handed over. */
    private static final Set<CaseEventType> DECIDED =
            Set.of(CaseEventType.APPROVED, CaseEventType.REJECTED, CaseEventType.RESULT_READY);

    private final String code;
    private final String label;

    BundleStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** Chinese name shown to the clerk and printed for the citizen. */
    public String label() {
        return label;
    }

    /**
     * Derives the status from the statuses of the cases stored here. {@code expectedCases} is how
     * many cases intake created; while some have not arrived, the bundle cannot be done. A
     * supplement request on any case comes first, because the citizen has to act on it.
     */
    public static BundleStatus of(List<CaseEventType> caseStatuses, int expectedCases) {
        if (caseStatuses.contains(CaseEventType.SUPPLEMENT_REQUESTED)) {
            return SUPPLEMENT_REQUESTED;
        }
        boolean complete = caseStatuses.size() >= expectedCases && !caseStatuses.isEmpty();
        if (complete && caseStatuses.stream().allMatch(FINISHED::contains)) {
            return DONE;
        }
        if (complete && caseStatuses.stream().allMatch(status -> FINISHED.contains(status) || DECIDED.contains(status))) {
            return RESULT_READY;
        }
        return IN_PROGRESS;
    }

    /** Returns whether a case with this status needs nothing more. */
    public static boolean finished(CaseEventType caseStatus) {
        return FINISHED.contains(caseStatus);
    }
}
