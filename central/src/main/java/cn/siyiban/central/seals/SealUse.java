package cn.siyiban.central.seals;

import java.time.LocalDateTime;

/**
 * One use of an electronic seal on a result document.
 *
 * @param caseNo the case whose result was sealed, null when another system reported a use outside a case
 * @param usedBy account or name of the person who applied the seal
 * @param approvalRef reference of the approval of this use; null marks an unapproved use
 * @param source {@code result_ready} when recorded with the department's result-ready decision,
 *               {@code api} when another system reported it
 * @param recordedBy the account that recorded the use here
 */
public record SealUse(String id, String caseNo, String document, String seal, String usedBy, LocalDateTime usedAt,
                      String approvalRef, String source, String recordedBy, LocalDateTime recordedAt) {

    public boolean approved() {
        return approvalRef != null;
    }
}
