package cn.siyiban.core.cases;

import java.time.LocalDateTime;

/**
 * One entry of a case's insert-only history.
 *
 * @param originPoint the case's point, which events created at central are routed to
 * @param eventPoint the point where the event was recorded
 * @param detail JSON text with the event's particulars (comment, materials), or null
 * @param prevHash hash of the event this one follows, null for the intake event
 */
public record CaseEvent(String id, String caseId, String originPoint, String eventPoint,
                        CaseEventType type, String actor, LocalDateTime occurredAt,
                        String detail, String prevHash, String hash) {
}
