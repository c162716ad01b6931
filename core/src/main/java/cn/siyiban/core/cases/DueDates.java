package cn.siyiban.core.cases;

import cn.siyiban.core.calendar.WorkingDayCalendar;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.catalogue.TimeClass;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Computes when a case is due from the time the intake point recorded it. Clock-based classes
 * add their duration; a promised matter ends at the last moment of its last working day, using
 * the promised days where published and the legal days otherwise.
 */
public final class DueDates {

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private DueDates() {
    }

    /** Returns the due time, or null where the matter has no published time limit. */
    public static LocalDateTime dueAt(Matter matter, LocalDateTime intakeAt, WorkingDayCalendar calendar) {
        TimeClass timeClass = matter.timeClass();
        if (timeClass == null) {
            return null;
        }
        if (timeClass != TimeClass.PROMISED) {
            return intakeAt.plus(timeClass.clockLimit().orElseThrow());
        }
        Integer days = matter.promisedDays() != null ? matter.promisedDays() : matter.legalDays();
        if (days == null) {
            return null;
        }
        return calendar.addWorkingDays(intakeAt.toLocalDate(), days).atTime(END_OF_DAY);
    }
}
