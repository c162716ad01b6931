package cn.siyiban.core.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Working days of the county: Monday to Friday, except public holidays, plus the adjusted
 * working Saturdays and Sundays (调休) that the State Council announces each year.
 */
public final class WorkingDayCalendar {

    /** Class path resource of the national calendar shipped with siyiban. */
    public static final String RESOURCE = "/cn/siyiban/core/data/holidays-cn.csv";

    private final Map<LocalDate, CalendarDay> exceptions = new HashMap<>();

    public WorkingDayCalendar(Collection<CalendarDay> days) {
        for (CalendarDay day : days) {
            exceptions.put(day.date(), day);
        }
    }

    /** Reads the national calendar shipped with siyiban. */
    public static List<CalendarDay> shippedDays() {
        try (InputStream in = WorkingDayCalendar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + RESOURCE);
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static List<CalendarDay> read(Reader reader) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        List<CalendarDay> days = new ArrayList<>();
        for (CSVRecord row : format.parse(reader)) {
            days.add(new CalendarDay(LocalDate.parse(row.get("date").strip()),
                    DayKind.fromCode(row.get("kind").strip()), row.get("name").strip(),
                    row.get("source").strip()));
        }
        return days;
    }

    public boolean isWorkingDay(LocalDate date) {
        CalendarDay exception = exceptions.get(date);
        if (exception != null) {
            return exception.kind() == DayKind.WORKDAY;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /**
     * Returns the date on which a time limit of {@code workingDays} ends: counting starts on
     * the first working day after {@code start}, so a case taken in on a Friday with a limit of
     * one working day is due on the next working day, and one taken in on a holiday starts
     * counting after the holiday.
     */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must be 0 or more, was " + workingDays);
        }
        LocalDate date = start;
        int counted = 0;
        while (counted < workingDays) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }
}
