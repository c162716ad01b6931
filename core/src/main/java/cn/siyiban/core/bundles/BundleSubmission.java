package cn.siyiban.core.bundles;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One bundle taken in at a point, as stored in {@code sy_bundle_submission} and
 * {@code sy_bundle_case}.
 *
 * @param bundleNo the number printed on the receipt, {@code YJS-} and the first case's number
 * @param caseCount how many cases intake created; fewer {@code caseIds} mean some have not synced yet
 * @param materials the merged material list as the clerk ticked it
 * @param caseIds ids of the linked cases in bundle order, as far as they are stored here
 */
public record BundleSubmission(String id, String bundleNo, String originPoint, String bundleCode, String bundleName,
                               int caseCount, List<MaterialLine> materials, String intakeClerk,
                               LocalDateTime createdAt, List<String> caseIds) {

    /** Prefix of a bundle number, from 一件事. */
    public static final String NUMBER_PREFIX = "YJS-";

    public BundleSubmission {
        materials = List.copyOf(materials);
        caseIds = List.copyOf(caseIds);
    }

    /**
     * One line of the merged material list.
     *
     * @param status a {@link cn.siyiban.core.cases.MaterialStatus} code
     * @param materialIds the catalogue materials of the cases that this document stands for
     */
    public record MaterialLine(String id, String name, String status, List<String> materialIds) {
    }

    /** Returns the bundle number for a bundle whose first case has number {@code firstCaseNo}. */
    public static String numberFor(String firstCaseNo) {
        return NUMBER_PREFIX + firstCaseNo;
    }
}
