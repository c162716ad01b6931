package cn.siyiban.core.calendar;

import java.time.LocalDate;

/** One exceptional date of the county calendar, with the notice it comes from. */
public record CalendarDay(LocalDate date, DayKind kind, String name, String source) {
}
