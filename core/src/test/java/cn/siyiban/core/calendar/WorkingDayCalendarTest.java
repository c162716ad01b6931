package cn.siyiban.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(WorkingDayCalendar.shippedDays());

    @Test
    void knowsHolidaysAndAdjustedWorkingDays() {
        assertFalse(calendar.isWorkingDay(LocalDate.of(2025, 1, 29)), "Spring Festival holiday");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2025, 1, 26)), "adjusted working Sunday");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 12, 5)), "ordinary Saturday");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 12, 4)), "ordinary Friday");
    }

    @Test
    void fridayPlusOneLandsOnAdjustedWorkingSunday() {
        // 2025-01-24 is a Friday; Sunday 2025-01-26 is an adjusted working day before the Spring Festival.
        assertEquals(LocalDate.of(2025, 1, 26), calendar.addWorkingDays(LocalDate.of(2025, 1, 24), 1));
    }

    @Test
    void countingSkipsTheWholeSpringFestival() {
        // Holidays from 28 January to 4 February 2025: a one-day limit from Monday the 27th ends on 5 February.
        assertEquals(LocalDate.of(2025, 2, 5), calendar.addWorkingDays(LocalDate.of(2025, 1, 27), 1));
        // Saturday 8 February is an adjusted working day, so 4 days from the 27th end on it.
        assertEquals(LocalDate.of(2025, 2, 8), calendar.addWorkingDays(LocalDate.of(2025, 1, 27), 4));
    }

    @Test
    void zeroDaysIsTheSameDay() {
        assertEquals(LocalDate.of(2026, 12, 4), calendar.addWorkingDays(LocalDate.of(2026, 12, 4), 0));
    }
}
