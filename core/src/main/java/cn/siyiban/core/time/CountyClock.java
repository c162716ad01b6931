package cn.siyiban.core.time;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The county's wall clock. Every timestamp siyiban stores is a {@link LocalDateTime} in
 * {@link #ZONE}, truncated to milliseconds: China has no daylight saving time, so a local time is
 * unambiguous, and the millisecond precision survives Derby, PostgreSQL and SymmetricDS's text
 * format unchanged, which the case event hash chain depends on.
 */
public final class CountyClock {

    /** China Standard Time, the only zone the county's service points use. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    public CountyClock(Clock clock) {
        this.clock = clock;
    }

    public static CountyClock system() {
        return new CountyClock(Clock.system(ZONE));
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZONE)).truncatedTo(ChronoUnit.MILLIS);
    }
}
