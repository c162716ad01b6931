package cn.siyiban.core.cases;

import java.util.Arrays;
import java.util.Optional;

/**
 * Kinds of case events, in the order a case usually passes through them, with the status a case
 * shows once the event is its latest.
 */
public enum CaseEventType {
    INTAKE("intake", "受理", "已受理"),
    FORWARDED("forwarded", "转报部门", "已转报"),
    ACCEPTED("accepted", "部门受理", "部门审核中"),
    SUPPLEMENT_REQUESTED("supplement_requested", "要求补正", "待补正"),
    SUPPLEMENTED("supplemented", "补正材料", "部门审核中"),
    APPROVED("approved", "审批通过", "已批准"),
    REJECTED("rejected", "不予批准", "不予批准"),
    RESULT_READY("result_ready", "结果已出", "待领取"),
    DELIVERED("delivered", "送达", "已送达"),
    TERMINATED("terminated", "终止办理", "已终止"),
    CLOSED("closed", "办结", "已办结"),
    // Steps of a proxy case (帮办代办) that have no event of the workflow above: 委托, 办理, 归档 and
    // 回访. Its 受理 and 送达 steps are the INTAKE and DELIVERED events. A proxy step leaves the
    // status unchanged, so a department can still decide on a case whose latest event is one.
    ENTRUSTED("entrusted", "委托", null),
    PROXY_HANDLED("proxy_handled", "代办办理", null),
    ARCHIVED("archived", "归档", null),
    FOLLOWED_UP("followed_up", "回访", null);

    private final String code;
    private final String label;
    private final String statusLabel;

    /** @param statusLabel null for a proxy step, which never becomes the case's status */
    CaseEventType(String code, String label, String statusLabel) {
        this.code = code;
        this.label = label;
        this.statusLabel = statusLabel;
    }

    /** Returns whether this is a proxy step, which is kept in the history but leaves the status unchanged. */
    public boolean proxyStep() {
        return statusLabel == null;
    }

    public String code() {
        return code;
    }

    /** Chinese name of the event, shown on the timeline. */
    public String label() {
        return label;
    }

    /** Chinese name of the status a case has while this is its latest event. */
    public String statusLabel() {
        return statusLabel;
    }

    /** Returns whether a case whose latest event is this one still waits for the department's decision. */
    public boolean awaitsDecision() {
        return this == INTAKE || this == FORWARDED || this == ACCEPTED || this == SUPPLEMENT_REQUESTED
                || this == SUPPLEMENTED;
    }

    public static Optional<CaseEventType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }
}
