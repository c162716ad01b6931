package cn.siyiban.core.cases;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * The position of an open case against its promised completion time, for the flags in the
 * clerks' and reviewers' case lists. Only cases still waiting for the department's decision are flagged:
 * once a decision is recorded, the promise is kept or broken and a flag would only add noise.
 */
public enum DueState {
    NONE("none", ""),
    ON_TIME("on_time", "正常"),
    DUE_SOON("due_soon", "即将到期"),
    OVERDUE("overdue", "已超期");

    /**
     * Remaining time under which a case of a clock-based time class (at most 3 hours from intake)
     * counts as due soon: the length of the shortest class, 当场办结.
     */
    static final Duration CLOCK_CLASS_WARNING = Duration.ofMinutes(30);
    /** Remaining time under which a case counted in working days counts as due soon. */
    static final Duration WORKING_DAY_WARNING = Duration.ofHours(24);
    /** Maximum time limit of a clock-based time class, the 3 hours of 半日完成. */
    private static final Duration MAX_CLOCK_LIMIT = Duration.ofHours(3);

    private final String code;
    private final String label;

    DueState(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** Chinese flag text; empty for {@link #NONE}. */
    public String label() {
        return label;
    }

    /**
     * Classifies a case at {@code now}. {@code createdAt} and {@code dueAt} are the times the intake
     * point recorded, so a node whose clock was off shifts both the same way.
     */
    public static DueState of(LocalDateTime createdAt, LocalDateTime dueAt, CaseEventType status, LocalDateTime now) {
        if (dueAt == null || !status.awaitsDecision()) {
            return NONE;
        }
        if (now.isAfter(dueAt)) {
            return OVERDUE;
        }
        boolean clockClass = createdAt != null
                && Duration.between(createdAt, dueAt).compareTo(MAX_CLOCK_LIMIT) <= 0;
        Duration warning = clockClass ? CLOCK_CLASS_WARNING : WORKING_DAY_WARNING;
        return Duration.between(now, dueAt).compareTo(warning) <= 0 ? DUE_SOON : ON_TIME;
    }
}
