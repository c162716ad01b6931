package cn.siyiban.core.cases;

import cn.siyiban.core.error.DomainException;
import java.util.Map;

/** The errors a request for one case by its number raises, shared by node and central. */
public final class CaseErrors {

    private CaseErrors() {
    }

    /** Returns the error for a case with no row stored here (HTTP 404). */
    public static DomainException notFound(String caseNo) {
        return DomainException.notFound("case_not_found", "未找到办件" + caseNo);
    }

    /**
     * Returns the error for a case whose row is stored but whose intake event is not (HTTP 409).
     * A node saves both in one transaction. A SymmetricDS reload, however, sends {@code sy_case},
     * {@code sy_case_material} and {@code sy_case_event} in separate batches, so central contains
     * such a case until the last batch is loaded. The request can be sent again later.
     */
    public static DomainException incomplete(String caseNo) {
        return new DomainException(DomainException.Kind.CONFLICT, "case_incomplete",
                "办件" + caseNo + "的受理记录尚在同步中，请稍后再试", Map.of("caseNo", caseNo));
    }
}
