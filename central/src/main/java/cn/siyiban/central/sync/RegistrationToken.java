package cn.siyiban.central.sync;

import java.time.LocalDateTime;

/** A registration token as listed to admins: never the token itself, which only its issuer saw. */
public record RegistrationToken(String tokenHash, String pointCode, String nodeGroup, TokenPurpose purpose,
                                String issuedBy, LocalDateTime issuedAt, LocalDateTime expiresAt,
                                LocalDateTime usedAt, String usedFrom, LocalDateTime revokedAt) {

    public boolean usableAt(LocalDateTime now) {
        return usedAt == null && revokedAt == null && expiresAt.isAfter(now);
    }
}
