package cn.siyiban.core.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class DueStateTest {

    private static final LocalDateTime INTAKE = LocalDateTime.of(2026, 3, 2, 9, 0);

    @Test
    void promisedCaseDueSoonInLastDay() {
        LocalDateTime due = LocalDateTime.of(2026, 3, 6, 23, 59, 59);

        assertEquals(DueState.ON_TIME, DueState.of(INTAKE, due, CaseEventType.INTAKE, due.minusHours(25)));
        assertEquals(DueState.DUE_SOON, DueState.of(INTAKE, due, CaseEventType.INTAKE, due.minusHours(23)));
        assertEquals(DueState.OVERDUE, DueState.of(INTAKE, due, CaseEventType.ACCEPTED, due.plusSeconds(1)));
    }

    @Test
    void clockClassDueSoonInLastHalfHour() {
        LocalDateTime due = INTAKE.plusHours(3);

        assertEquals(DueState.ON_TIME, DueState.of(INTAKE, due, CaseEventType.INTAKE, due.minusMinutes(31)));
        assertEquals(DueState.DUE_SOON, DueState.of(INTAKE, due, CaseEventType.INTAKE, due.minusMinutes(29)));
        assertEquals(DueState.OVERDUE, DueState.of(INTAKE, due, CaseEventType.INTAKE, due.plusMinutes(1)));
    }

    @Test
    void decidedCaseIsNeverFlagged() {
        LocalDateTime due = INTAKE.plusHours(1);

        assertEquals(DueState.NONE, DueState.of(INTAKE, due, CaseEventType.APPROVED, due.plusDays(3)));
        assertEquals(DueState.NONE, DueState.of(INTAKE, due, CaseEventType.TERMINATED, due.plusDays(3)));
    }

    @Test
    void caseWithoutTimeLimitIsNeverFlagged() {
        assertEquals(DueState.NONE, DueState.of(INTAKE, null, CaseEventType.INTAKE, INTAKE.plusYears(1)));
    }
}
