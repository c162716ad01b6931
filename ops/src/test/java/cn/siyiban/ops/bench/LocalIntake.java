package cn.siyiban.ops.bench;

import cn.siyiban.core.calendar.CalendarStore;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.cases.IntakeService;
import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.time.CountyClock;
import java.time.Clock;
import java.time.Duration;

/**
 * The village node's own intake service, run in this JVM on a stopped node's database. A case
 * number sequence holds 9,999 cases per point and day, so a run of more cases spreads them over
 * the days before today, {@link #CASES_PER_DAY} a day.
 */
final class LocalIntake {

    static final int CASES_PER_DAY = 9_000;

    private LocalIntake() {
    }

    /** Returns the clock of case number {@code index} of a run: today, or a day before for later cases. */
    static CountyClock clockFor(int index) {
        return new CountyClock(Clock.offset(Clock.systemUTC(), Duration.ofDays(-(index / CASES_PER_DAY))));
    }

    /** Returns the intake service of the demo village on {@code database} with {@code clock}. */
    static IntakeService service(Database database, CountyClock clock) {
        return new IntakeService(new CaseStore(database), new CatalogueStore(database), new CalendarStore(database),
                clock, BenchCluster.VILLAGE);
    }
}
