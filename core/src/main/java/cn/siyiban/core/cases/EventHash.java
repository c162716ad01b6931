package cn.siyiban.core.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * SHA-256 over an event's content and the hash of the event it follows. Each field is written
 * with its length in front, so no choice of text can make two different events hash alike; the
 * time is written with millisecond precision, which every store and SymmetricDS keep exactly.
 */
public final class EventHash {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private EventHash() {
    }

    public static String of(String id, String caseId, String originPoint, String eventPoint,
                            CaseEventType type, String actor, LocalDateTime occurredAt,
                            String detail, String prevHash) {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] {id, caseId, originPoint, eventPoint, type.code(), actor,
                occurredAt.format(TIME), detail, prevHash}) {
            String value = field == null ? "" : field;
            canonical.append(value.length()).append(':').append(value).append(';');
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Recomputes the hash of a stored event from its content. */
    public static String recompute(CaseEvent event) {
        return of(event.id(), event.caseId(), event.originPoint(), event.eventPoint(), event.type(),
                event.actor(), event.occurredAt(), event.detail(), event.prevHash());
    }
}
