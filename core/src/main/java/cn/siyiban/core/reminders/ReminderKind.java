package cn.siyiban.core.reminders;

import java.util.Arrays;
import java.util.Optional;

/**
 * Kinds of reminders. Each kind has one owner county-wide, so no reminder is sent twice: a node
 * plans the 容缺 supplement reminders of its own cases, central plans the other two.
 */
public enum ReminderKind {
    /** Before the deadline to supply materials accepted as missing at intake (容缺). Owned by the node. */
    SUPPLEMENT_DUE("supplement_due", "容缺补正期限"),
    /** Once the department's result is ready and not yet collected. Owned by central. */
    RESULT_COLLECTION("result_collection", "结果领取"),
    /** Before a certificate of a matter with a validity period expires. Owned by central. */
    CERTIFICATE_EXPIRY("certificate_expiry", "证照到期");

    private final String code;
    private final String label;

    ReminderKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** Chinese name shown on the reminders page. */
    public String label() {
        return label;
    }

    public static Optional<ReminderKind> fromCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
