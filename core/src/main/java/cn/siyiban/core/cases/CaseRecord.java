package cn.siyiban.core.cases;

import cn.siyiban.core.applicant.Applicant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * A case with its materials and its history, as read from the database.
 *
 * @param dueAt end of the promised time, or null where the matter has no published time class
 */
public record CaseRecord(String id, String caseNo, String originPoint, String matterCode,
                         String matterName, String department, int catalogueVersion,
                         Applicant applicant, boolean proxy, String intakeClerk,
                         LocalDateTime createdAt, LocalDateTime dueAt,
                         List<CaseMaterial> materials, List<CaseEvent> events) {

    public CaseRecord {
        materials = List.copyOf(materials);
        events = List.copyOf(events);
    }

    /** Returns the latest event by time; ties go to the later step of the workflow. */
    public CaseEvent latestEvent() {
        return events.stream()
                .max(Comparator.comparing(CaseEvent::occurredAt).thenComparing(event -> event.type().ordinal()))
                .orElseThrow(() -> new IllegalStateException("case " + caseNo + " has no events"));
    }

    /** Returns the type of the latest event that is not a proxy step: the case's workflow status. */
    public CaseEventType status() {
        return events.stream()
                .filter(event -> !event.type().proxyStep())
                .max(Comparator.comparing(CaseEvent::occurredAt).thenComparing(event -> event.type().ordinal()))
                .orElseThrow(() -> new IllegalStateException("case " + caseNo + " has no intake event"))
                .type();
    }
}
