package cn.siyiban.core.cases;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.staff.Role;
import cn.siyiban.core.staff.Staff;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records a department's decision on a case as a new event at central. SymmetricDS then routes
 * the event to the case's origin point only.
 */
public final class DecisionService {

    /** Maximum characters of a reviewer's comment. */
    public static final int MAX_COMMENT = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CaseStore cases;
    private final CaseHistory history;

    public DecisionService(CaseStore cases, CaseHistory history) {
        this.cases = cases;
        this.history = history;
    }

    public CaseEvent decide(String caseNo, String decisionCode, String comment, List<String> materials,
                            Staff reviewer) {
        return decide(caseNo, decisionCode, comment, materials, reviewer, connection -> null);
    }

    /**
     * Records the decision as {@link #decide(String, String, String, List, Staff)} does and runs
     * {@code alongside} in the transaction that stores the event.
     */
    public CaseEvent decide(String caseNo, String decisionCode, String comment, List<String> materials,
                            Staff reviewer, Database.SqlWork<?> alongside) {
        Decision decision = Decision.fromCode(decisionCode).orElseThrow(() -> DomainException.invalid(
                "invalid_decision", "审批结果“" + decisionCode
                        + "”无效：应为accept、request_supplement、approve、reject或result_ready", "decision"));
        CaseRecord record = cases.require(caseNo);
        checkReviewer(record, reviewer);
        CaseEventType status = record.status();
        if (!decision.allowedAfter(status)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "decision_not_allowed",
                    "办件当前状态为“" + status.statusLabel() + "”，不能执行“" + decision.eventType().label() + "”",
                    Map.of("status", status.code()));
        }
        String text = comment == null ? "" : comment.strip();
        if (text.length() > MAX_COMMENT) {
            throw DomainException.invalid("invalid_comment", "审批意见过长：最多" + MAX_COMMENT + "字", "comment");
        }
        if (decision == Decision.REJECT && text.isEmpty()) {
            throw DomainException.invalid("missing_comment", "不予批准时必须填写理由", "comment");
        }
        List<String> needed = materials == null ? List.of()
                : materials.stream().filter(name -> name != null && !name.isBlank()).map(String::strip).toList();
        if (decision == Decision.REQUEST_SUPPLEMENT && needed.isEmpty()) {
            throw DomainException.invalid("missing_materials", "要求补正时必须列出需补正的材料", "materials");
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        if (!text.isEmpty()) {
            detail.put("comment", text);
        }
        if (!needed.isEmpty()) {
            detail.put("materials", needed);
        }
        return history.append(caseNo, decision.eventType(), reviewer.username(), toJson(detail), alongside);
    }

    private static void checkReviewer(CaseRecord record, Staff reviewer) {
        if (reviewer.role() == Role.COUNTY_ADMIN) {
            return;
        }
        if (!reviewer.reviewsFor(record.department())) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "forbidden",
                    "只有“" + record.department() + "”的审核人员可以审批此办件");
        }
    }

    private static String toJson(Map<String, Object> detail) {
        if (detail.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write decision detail", e);
        }
    }
}
