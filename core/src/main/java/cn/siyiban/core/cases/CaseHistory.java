package cn.siyiban.core.cases;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.LockRetry;
import cn.siyiban.core.time.CountyClock;
import java.time.LocalDateTime;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Appends events to a case's history, chaining each to the case's latest event by hash. */
public final class CaseHistory {

    private static final Logger log = LoggerFactory.getLogger(CaseHistory.class);
    /**
     * Attempts at storing one event. Under load, Derby raised lock timeouts inside SymmetricDS's
     * capture triggers at nodes and at central, and without a retry the clerk or reviewer got an
     * error and had to send the request again.
     */
    private static final int ATTEMPTS = 3;

    private final CaseStore cases;
    private final CountyClock clock;
    private final String pointCode;

    /** @param pointCode the point recording events here (central's code at central) */
    public CaseHistory(CaseStore cases, CountyClock clock, String pointCode) {
        this.cases = cases;
        this.clock = clock;
        this.pointCode = pointCode;
    }

    /** Appends one event to the case {@code caseNo}; returns the stored event. */
    public CaseEvent append(String caseNo, CaseEventType type, String actor, String detail) {
        return append(caseNo, type, actor, detail, connection -> null);
    }

    /**
     * Appends one event to the case {@code caseNo} and runs {@code alongside} in the same
     * transaction, so a record that belongs to the event is stored with it or not at all. A
     * transaction that fails quickly on a lock runs again ({@link LockRetry}), up to
     * {@value #ATTEMPTS} times in all, so {@code alongside} must only write to the database.
     */
    public CaseEvent append(String caseNo, CaseEventType type, String actor, String detail,
                            Database.SqlWork<?> alongside) {
        LocalDateTime now = clock.now();
        CaseEvent event = LockRetry.run("event " + type.code() + " on case " + caseNo, ATTEMPTS,
                () -> cases.database().inTransaction(connection -> {
                    CaseEvent appended = next(CaseStore.require(connection, caseNo), type, actor, detail, now);
                    CaseStore.insertEvent(connection, appended);
                    alongside.run(connection);
                    return appended;
                }));
        log.info("Recorded event {} ({}) on case {} by {}", event.id(), type.code(), caseNo, actor);
        return event;
    }

    /** Builds the event that follows the latest event of {@code record}, chained to it by hash. */
    private CaseEvent next(CaseRecord record, CaseEventType type, String actor, String detail, LocalDateTime now) {
        CaseEvent latest = record.latestEvent();
        // Never let a node's clock put the new event before the one it follows.
        LocalDateTime at = now.isAfter(latest.occurredAt()) ? now : latest.occurredAt().plusNanos(1_000_000);
        String id = UUID.randomUUID().toString();
        return new CaseEvent(id, record.id(), record.originPoint(), pointCode, type, actor, at, detail, latest.hash(),
                EventHash.of(id, record.id(), record.originPoint(), pointCode, type, actor, at, detail, latest.hash()));
    }
}
