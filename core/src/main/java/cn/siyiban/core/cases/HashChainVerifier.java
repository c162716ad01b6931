package cn.siyiban.core.cases;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies the hash chain of one case's events. The node and central may each append an event
 * while offline from each other, so two events can follow the same predecessor: the history is
 * a tree rooted at the intake event, not always a line. Every event must hash to its stored hash,
 * exactly one event (the intake) may have no predecessor, and every other must name the hash of
 * an event of the same case.
 */
public final class HashChainVerifier {

    private HashChainVerifier() {
    }

    /** Returns one Chinese description per problem found; an empty list means the trail is intact. */
    public static List<String> verify(List<CaseEvent> events) {
        List<String> problems = new ArrayList<>();
        Set<String> hashes = new HashSet<>();
        for (CaseEvent event : events) {
            hashes.add(event.hash());
        }
        int roots = 0;
        for (CaseEvent event : events) {
            if (!EventHash.recompute(event).equals(event.hash())) {
                problems.add("记录" + event.id() + "（" + event.type().label() + "）的内容与其哈希值不符，可能被篡改");
            }
            if (event.prevHash() == null) {
                roots++;
                if (event.type() != CaseEventType.INTAKE) {
                    problems.add("记录" + event.id() + "（" + event.type().label() + "）缺少前序记录");
                }
            } else if (!hashes.contains(event.prevHash())) {
                problems.add("记录" + event.id() + "（" + event.type().label() + "）的前序记录不存在，可能被删除");
            }
        }
        if (roots != 1) {
            problems.add("受理记录应有且只有一条，实际为" + roots + "条");
        }
        return problems;
    }
}
