package cn.siyiban.core.governance;

import java.time.LocalDateTime;

/**
 * One decision to suspend or reactivate a matter, as stored in {@code sy_matter_status}.
 *
 * @param suspended true for a suspension, false for a reactivation
 * @param decidedBy username of the admin who decided; for a reactivation, the approver
 * @param decidedAt county time
 */
public record MatterStatusChange(String id, String matterCode, boolean suspended, String reason, String decidedBy,
                                 LocalDateTime decidedAt) {

    static final String SUSPENDED = "suspended";
    static final String ACTIVE = "active";

    String statusCode() {
        return suspended ? SUSPENDED : ACTIVE;
    }
}
