package cn.siyiban.core.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CaseNumberTest {

    @Test
    void formatsPointDateAndSequence() {
        CaseNumber number = new CaseNumber("321323101201", LocalDate.of(2026, 12, 4), 7);
        assertEquals("321323101201-20261204-0007", number.toString());
    }

    @Test
    void parsesWhatItPrints() {
        CaseNumber number = new CaseNumber("SY-SUB-02", LocalDate.of(2026, 1, 31), 9999);
        assertEquals(number, CaseNumber.parse(number.toString()));
    }

    @Test
    void differentPointsNeverShareNumbers() {
        LocalDate day = LocalDate.of(2026, 12, 4);
        assertEquals(false, new CaseNumber("321323101201", day, 1).toString()
                .equals(new CaseNumber("321323101202", day, 1).toString()));
    }

    @Test
    void rejectsMalformedText() {
        assertThrows(IllegalArgumentException.class, () -> CaseNumber.parse("321323101201-2026124-0001"));
        assertThrows(IllegalArgumentException.class, () -> CaseNumber.parse("321323101201-20261304-0001"));
        assertThrows(IllegalArgumentException.class, () -> CaseNumber.parse("nonsense"));
        assertThrows(IllegalArgumentException.class, () -> new CaseNumber("321323101201", LocalDate.now(), 0));
    }
}
