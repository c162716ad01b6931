package cn.siyiban.core.governance;

import java.time.LocalDateTime;

/**
 * A certificate or proof that the county removed as unnecessary (非必要证明).
 *
 * @param matterCode the matter it was removed for, null when removed for every matter
 * @param basis the notice or rule that removed it, as the admin entered it
 */
public record CancelledProof(String id, String matterCode, String name, String basis, String updatedBy,
                             LocalDateTime updatedAt) {
}
