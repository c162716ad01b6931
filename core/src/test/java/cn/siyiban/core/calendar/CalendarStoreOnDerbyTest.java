package cn.siyiban.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.testing.CoreDerby;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored calendar against a real embedded Derby database. */
class CalendarStoreOnDerbyTest {

    private static final CalendarDay NATIONAL_DAY =
            new CalendarDay(LocalDate.of(2026, 10, 1), DayKind.HOLIDAY, "国庆节", "国务院办公厅 2025-11-04 notice");
    private static final CalendarDay MAKE_UP_DAY =
            new CalendarDay(LocalDate.of(2026, 9, 20), DayKind.WORKDAY, "国庆节调休上班", "国务院办公厅 2025-11-04 notice");

    @TempDir
    Path folder;
    private Database database;
    private CalendarStore store;

    @BeforeEach
    void open() {
        database = CoreDerby.migrated(folder.resolve("db"), 2);
        store = new CalendarStore(database);
        store.insertAll(List.of(NATIONAL_DAY, MAKE_UP_DAY));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void findsStoredDay() {
        assertEquals(Optional.of(MAKE_UP_DAY), store.find(LocalDate.of(2026, 9, 20)));
    }

    @Test
    void findsNothingForOrdinaryDay() {
        assertEquals(Optional.empty(), store.find(LocalDate.of(2026, 9, 21)));
    }

    @Test
    void listsEveryDayEarliestFirst() {
        assertEquals(List.of(MAKE_UP_DAY, NATIONAL_DAY), store.all());
    }

    @Test
    void deletedDayIsGone() {
        assertTrue(store.delete(NATIONAL_DAY.date()));
        assertEquals(Optional.empty(), store.find(NATIONAL_DAY.date()));
        assertEquals(List.of(MAKE_UP_DAY), store.all());
    }
}
