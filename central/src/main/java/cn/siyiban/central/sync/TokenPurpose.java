package cn.siyiban.central.sync;

import java.util.Arrays;
import java.util.Optional;

/** What a registration token admits. */
public enum TokenPurpose {
    /** The first machine of a point that has never registered. */
    REGISTER("register", "首次注册"),
    /** A wiped or replaced machine of a point that is already registered. */
    REINSTALL("reinstall", "重装后重新注册");

    private final String code;
    private final String label;

    TokenPurpose(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<TokenPurpose> fromCode(String code) {
        return Arrays.stream(values()).filter(purpose -> purpose.code.equals(code)).findFirst();
    }
}
