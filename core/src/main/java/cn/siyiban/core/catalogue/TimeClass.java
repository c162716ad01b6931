package cn.siyiban.core.catalogue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * How fast the county promises to finish a matter. The first three run on the clock from
 * intake; {@link #PROMISED} counts working days of the county calendar.
 */
public enum TimeClass {
    ON_THE_SPOT("on_the_spot", "当场办结", Duration.ofMinutes(30)),
    WAIT_AND_TAKE("wait_and_take", "立等可取", Duration.ofHours(1)),
    HALF_DAY("half_day", "半日完成", Duration.ofHours(3)),
    PROMISED("promised", "承诺件", null);

    private final String code;
    private final String label;
    private final Duration clockLimit;

    TimeClass(String code, String label, Duration clockLimit) {
        this.code = code;
        this.label = label;
        this.clockLimit = clockLimit;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Time from intake to completion for the clock-based classes; empty for {@link #PROMISED}. */
    public Optional<Duration> clockLimit() {
        return Optional.ofNullable(clockLimit);
    }

    public static Optional<TimeClass> fromCode(String code) {
        return Arrays.stream(values()).filter(value -> value.code.equals(code)).findFirst();
    }
}
