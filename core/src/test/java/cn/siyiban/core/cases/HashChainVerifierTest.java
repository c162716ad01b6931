package cn.siyiban.core.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashChainVerifierTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 12, 4, 9, 0, 0, 123_000_000);

    private static CaseEvent event(String id, CaseEventType type, int minutes, String detail, String prevHash) {
        LocalDateTime at = T0.plusMinutes(minutes);
        return new CaseEvent(id, "case-1", "321323101201", "321323101201", type, "clerk", at, detail, prevHash,
                EventHash.of(id, "case-1", "321323101201", "321323101201", type, "clerk", at, detail, prevHash));
    }

    private static List<CaseEvent> chain() {
        CaseEvent intake = event("e1", CaseEventType.INTAKE, 0, "{}", null);
        CaseEvent forwarded = event("e2", CaseEventType.FORWARDED, 5, null, intake.hash());
        CaseEvent approved = event("e3", CaseEventType.APPROVED, 60, "{\"comment\":\"同意\"}", forwarded.hash());
        return new ArrayList<>(List.of(intake, forwarded, approved));
    }

    @Test
    void intactChainHasNoProblems() {
        assertEquals(List.of(), HashChainVerifier.verify(chain()));
    }

    @Test
    void detectsChangedDetail() {
        List<CaseEvent> events = chain();
        CaseEvent original = events.get(2);
        events.set(2, new CaseEvent(original.id(), original.caseId(), original.originPoint(), original.eventPoint(),
                original.type(), original.actor(), original.occurredAt(), "{\"comment\":\"驳回\"}",
                original.prevHash(), original.hash()));
        List<String> problems = HashChainVerifier.verify(events);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("e3"), problems.get(0));
    }

    @Test
    void detectsRemovedEvent() {
        List<CaseEvent> events = chain();
        events.remove(1);
        List<String> problems = HashChainVerifier.verify(events);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("前序记录不存在"), problems.get(0));
    }

    @Test
    void acceptsBranchFromTwoSidesOffline() {
        List<CaseEvent> events = chain();
        // The node records delivery while central, unaware, records a second decision: both follow e3.
        events.add(event("e4", CaseEventType.DELIVERED, 90, null, events.get(2).hash()));
        events.add(event("e5", CaseEventType.RESULT_READY, 91, null, events.get(2).hash()));
        assertEquals(List.of(), HashChainVerifier.verify(events));
    }

    @Test
    void hashChangesWithEveryField() {
        String base = EventHash.of("e", "c", "p", "q", CaseEventType.INTAKE, "a", T0, "d", null);
        assertTrue(!base.equals(EventHash.of("e", "c", "p", "q", CaseEventType.INTAKE, "a", T0.plusNanos(1_000_000),
                "d", null)));
        assertTrue(!base.equals(EventHash.of("e", "c", "p", "q", CaseEventType.INTAKE, "a", T0, "d", "x")));
        // Moving text between fields must not collide.
        assertTrue(!EventHash.of("ab", "c", "p", "q", CaseEventType.INTAKE, "a", T0, null, null)
                .equals(EventHash.of("a", "bc", "p", "q", CaseEventType.INTAKE, "a", T0, null, null)));
    }
}
