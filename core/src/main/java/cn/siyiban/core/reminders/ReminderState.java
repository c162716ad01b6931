package cn.siyiban.core.reminders;

import java.util.Arrays;
import java.util.Optional;

/**
 * States of a reminder in the outbox. A reminder is {@link #SENDING} from the moment before its
 * send until the sender's result is stored, so a crash in between leaves it there and the next
 * attempt resends it under the same idempotency key.
 */
public enum ReminderState {
    PENDING("pending", "待发送"),
    SENDING("sending", "发送中"),
    SENT("sent", "已发送"),
    FAILED("failed", "发送失败");

    private final String code;
    private final String label;

    ReminderState(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<ReminderState> fromCode(String code) {
        return Arrays.stream(values()).filter(state -> state.code.equals(code)).findFirst();
    }
}
