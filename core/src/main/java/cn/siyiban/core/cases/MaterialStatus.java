package cn.siyiban.core.cases;

import java.util.Arrays;
import java.util.Optional;

/** What the clerk recorded for one material at intake. */
public enum MaterialStatus {
    RECEIVED("received", "已收"),
    MISSING("missing", "缺"),
    COMMITTED("committed", "承诺代替");

    private final String code;
    private final String label;

    MaterialStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<MaterialStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code.equals(code)).findFirst();
    }
}
