package cn.siyiban.central.seals;

import cn.siyiban.core.error.DomainException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A seal use as a request reports it, checked by {@link #check}.
 *
 * @param usedBy who applied the seal; blank means the account that reports it
 * @param usedAt when, in county time; null means now
 * @param approvalRef reference of the approval (审批单号); blank records an unapproved use, which alerts
 */
public record SealUseInput(String caseNo, String document, String seal, String usedBy, LocalDateTime usedAt,
                           String approvalRef) {

    /** The checked fields, stripped, with blanks as null. */
    public record Checked(String caseNo, String document, String seal, String usedBy, LocalDateTime usedAt,
                   String approvalRef) {
    }

    /** Checks every field; throws {@code invalid_seal_use} whose details map each bad field to its problem. */
    public Checked check() {
        Map<String, Object> errors = new LinkedHashMap<>();
        String cleanDocument = limited(errors, "document", document, "文书名称", 200, true);
        String cleanSeal = limited(errors, "seal", seal, "印章名称", 200, true);
        String cleanUser = limited(errors, "usedBy", usedBy, "用印人", 64, false);
        String cleanApproval = limited(errors, "approvalRef", approvalRef, "审批单号", 100, false);
        String cleanCase = limited(errors, "caseNo", caseNo, "办件编号", 40, false);
        if (!errors.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid_seal_use",
                    "用印记录有" + errors.size() + "处错误：" + errors.values().iterator().next(), errors);
        }
        return new Checked(cleanCase, cleanDocument, cleanSeal, cleanUser, usedAt, cleanApproval);
    }

    private static String limited(Map<String, Object> errors, String field, String value, String label, int max,
                                  boolean required) {
        String clean = value == null || value.isBlank() ? null : value.strip();
        if (clean == null) {
            if (required) {
                errors.put(field, label + "不能为空");
            }
            return null;
        }
        if (clean.length() > max) {
            errors.put(field, label + "过长：最多" + max + "字");
            return null;
        }
        return clean;
    }
}
