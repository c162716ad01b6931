package cn.siyiban.core.cases;

import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.staff.Staff;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The steps of a proxy case (帮办代办) in order: 委托, 受理, 办理, 送达, 归档, 回访. Each step is one
 * event of the case's hash-chained history, so it carries who recorded it, where and when. 受理
 * is the intake event and 送达 the delivery event; the clerk records the other four here, each
 * once and only after every earlier step.
 */
public final class ProxySteps {

    /** The steps in the order a proxy case passes through them. */
    public static final List<CaseEventType> STEPS = List.of(CaseEventType.ENTRUSTED, CaseEventType.INTAKE,
            CaseEventType.PROXY_HANDLED, CaseEventType.DELIVERED, CaseEventType.ARCHIVED, CaseEventType.FOLLOWED_UP);
    /** Steps recorded through {@link #record}; intake and delivery have their own requests. */
    public static final Set<CaseEventType> RECORDED_HERE = EnumSet.of(CaseEventType.ENTRUSTED,
            CaseEventType.PROXY_HANDLED, CaseEventType.ARCHIVED, CaseEventType.FOLLOWED_UP);
    /** Maximum characters of the clerk's note on a step. */
    public static final int MAX_NOTE = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CaseStore cases;
    private final CaseHistory history;

    public ProxySteps(CaseStore cases, CaseHistory history) {
        this.cases = cases;
        this.history = history;
    }

    /**
     * One step of a proxy case and the event that recorded it.
     *
     * @param event the step's event, or null while the step is still to do
     */
    public record Progress(CaseEventType step, CaseEvent event) {
    }

    /** Returns every step of {@code record} with its event, in step order. */
    public static List<Progress> progress(CaseRecord record) {
        return STEPS.stream().map(step -> new Progress(step, firstEvent(record, step).orElse(null))).toList();
    }

    /**
     * Records the step {@code stepCode} of the proxy case {@code caseNo} as an event by {@code clerk}.
     *
     * @param note the clerk's note, such as how the result was delivered; may be null
     */
    public CaseEvent record(String caseNo, String stepCode, String note, Staff clerk) {
        CaseEventType step = CaseEventType.fromCode(stepCode).filter(RECORDED_HERE::contains)
                .orElseThrow(() -> DomainException.invalid("invalid_proxy_step", "代办步骤“" + stepCode
                        + "”无效：应为entrusted（委托）、proxy_handled（办理）、archived（归档）或followed_up（回访）",
                        "step"));
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_NOTE) {
            throw DomainException.invalid("invalid_note", "备注过长：最多" + MAX_NOTE + "字", "note");
        }
        CaseRecord record = cases.findByCaseNo(caseNo).orElseThrow(
                () -> CaseErrors.notFound(caseNo));
        if (!record.proxy()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "not_proxy_case",
                    "办件" + caseNo + "不是代办件，不能登记代办步骤");
        }
        if (firstEvent(record, step).isPresent()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "proxy_step_recorded",
                    "“" + step.label() + "”步骤已经登记过", Map.of("step", step.code()));
        }
        for (CaseEventType earlier : STEPS.subList(0, STEPS.indexOf(step))) {
            if (firstEvent(record, earlier).isEmpty()) {
                throw new DomainException(DomainException.Kind.CONFLICT, "proxy_step_out_of_order",
                        "请先完成“" + earlier.label() + "”步骤，再登记“" + step.label() + "”",
                        Map.of("step", step.code(), "missingStep", earlier.code()));
            }
        }
        // NOTE: the checks above read the case outside the append's transaction, so two clerks
        // recording the same step at the same moment could both succeed.
        return history.append(caseNo, step, clerk.username(), text.isEmpty() ? null : detail(text));
    }

    private static Optional<CaseEvent> firstEvent(CaseRecord record, CaseEventType type) {
        return record.events().stream().filter(event -> event.type() == type).findFirst();
    }

    private static String detail(String note) {
        try {
            return JSON.writeValueAsString(Map.of("comment", note));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write proxy step detail", e);
        }
    }
}
