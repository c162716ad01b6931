package cn.siyiban.node.cases;

import cn.siyiban.core.cases.CaseErrors;
import cn.siyiban.core.cases.CaseRecord;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.node.auth.Access;
import java.util.Optional;

/**
 * Looks up the case that a request names by its number and checks that the staff member may see
 * it. Sync can store a case row before its intake event: the initial load that returns a
 * reinstalled node's own cases sends {@code sy_case} and {@code sy_case_event} in separate
 * batches. Such a case raises {@link CaseErrors#incomplete} (HTTP 409), as at central, instead
 * of a 404.
 */
public final class VisibleCases {

    private final CaseStore cases;

    public VisibleCases(CaseStore cases) {
        this.cases = cases;
    }

    /**
     * Returns the case {@code caseNo}. Raises 403 for staff who may not see it, 404 when no row
     * of it is stored, and 409 {@code case_incomplete} while its intake event has not arrived.
     */
    public CaseRecord require(Staff staff, String caseNo) {
        // Checked before the look-up, so a technician cannot tell which case numbers exist.
        Access.requireCaseAccess(staff);
        Optional<CaseRecord> found = cases.findByCaseNo(caseNo);
        String originPoint = found.map(CaseRecord::originPoint)
                .or(() -> cases.originPoint(caseNo))
                .orElseThrow(() -> CaseErrors.notFound(caseNo));
        Access.requireCaseVisible(staff, originPoint);
        return found.orElseThrow(() -> CaseErrors.incomplete(caseNo));
    }
}
