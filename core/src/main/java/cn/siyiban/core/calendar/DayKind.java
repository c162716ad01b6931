package cn.siyiban.core.calendar;

/** What the county calendar says of a date that differs from the Monday-to-Friday rule. */
public enum DayKind {
    /** A public holiday, even on a weekday. */
    HOLIDAY("holiday"),
    /** An adjusted working day (调休), even on a Saturday or Sunday. */
    WORKDAY("workday");

    private final String code;

    DayKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static DayKind fromCode(String code) {
        for (DayKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown day kind: " + code);
    }
}
