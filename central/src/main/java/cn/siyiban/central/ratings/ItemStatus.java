package cn.siyiban.central.ratings;

/** The state of a rectification item in its closed loop: 核实, then 整改, then 回复群众. */
public enum ItemStatus {
    TO_VERIFY("to_verify", "待核实", false),
    TO_RECTIFY("to_rectify", "待整改", false),
    TO_REPLY("to_reply", "待回复", false),
    CLOSED("closed", "已办结", true),
    ANNULLED("annulled", "评价已作废", true);

    private final String code;
    private final String label;
    private final boolean done;

    ItemStatus(String code, String label, boolean done) {
        this.code = code;
        this.label = label;
        this.done = done;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Returns whether the item takes no more steps. */
    public boolean done() {
        return done;
    }

    /** Returns the status after the furthest of the loop's steps recorded so far. */
    static ItemStatus after(StepKind lastLoopStep, boolean annulled) {
        if (annulled) {
            return ANNULLED;
        }
        if (lastLoopStep == null) {
            return TO_VERIFY;
        }
        return switch (lastLoopStep) {
            case ASSIGN -> TO_VERIFY;
            case VERIFY -> TO_RECTIFY;
            case RECTIFY -> TO_REPLY;
            case REPLY -> CLOSED;
        };
    }

    /** Returns the loop step that moves an item of this status on, or null when none does. */
    StepKind nextLoopStep() {
        return switch (this) {
            case TO_VERIFY -> StepKind.VERIFY;
            case TO_RECTIFY -> StepKind.RECTIFY;
            case TO_REPLY -> StepKind.REPLY;
            case CLOSED, ANNULLED -> null;
        };
    }
}
