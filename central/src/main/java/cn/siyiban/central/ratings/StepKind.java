package cn.siyiban.central.ratings;

import cn.siyiban.core.error.DomainException;
import java.util.Arrays;

/** The kinds of step in the history of a rectification item, in the order the closed loop takes them. */
public enum StepKind {
    ASSIGN("assign", "指定责任人"),
    VERIFY("verify", "核实"),
    RECTIFY("rectify", "整改"),
    REPLY("reply", "回复群众");

    private final String code;
    private final String label;

    StepKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Returns the kind of {@code code}, or rejects an unknown code with the list of valid ones. */
    public static StepKind fromCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst().orElseThrow(() ->
                DomainException.invalid("invalid_step_kind",
                        "步骤类型“" + code + "”无效，应为 assign、verify、rectify 或 reply", "kind"));
    }
}
