package cn.siyiban.core.cases;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a department reviewer can record on a case at central, the event it becomes, and the
 * statuses it may follow. A decision on a case in any other status is rejected, so a reviewer
 * cannot, say, approve a case already rejected.
 */
public enum Decision {
    ACCEPT("accept", CaseEventType.ACCEPTED,
            EnumSet.of(CaseEventType.INTAKE, CaseEventType.FORWARDED, CaseEventType.SUPPLEMENTED)),
    REQUEST_SUPPLEMENT("request_supplement", CaseEventType.SUPPLEMENT_REQUESTED,
            EnumSet.of(CaseEventType.INTAKE, CaseEventType.FORWARDED, CaseEventType.ACCEPTED,
                    CaseEventType.SUPPLEMENTED)),
    APPROVE("approve", CaseEventType.APPROVED,
            EnumSet.of(CaseEventType.INTAKE, CaseEventType.FORWARDED, CaseEventType.ACCEPTED,
                    CaseEventType.SUPPLEMENTED)),
    REJECT("reject", CaseEventType.REJECTED,
            EnumSet.of(CaseEventType.INTAKE, CaseEventType.FORWARDED, CaseEventType.ACCEPTED,
                    CaseEventType.SUPPLEMENTED, CaseEventType.SUPPLEMENT_REQUESTED)),
    RESULT_READY("result_ready", CaseEventType.RESULT_READY,
            EnumSet.of(CaseEventType.APPROVED, CaseEventType.REJECTED));

    private final String code;
    private final CaseEventType eventType;
    private final Set<CaseEventType> allowedAfter;

    Decision(String code, CaseEventType eventType, Set<CaseEventType> allowedAfter) {
        this.code = code;
        this.eventType = eventType;
        this.allowedAfter = allowedAfter;
    }

    public String code() {
        return code;
    }

    public CaseEventType eventType() {
        return eventType;
    }

    public boolean allowedAfter(CaseEventType status) {
        return allowedAfter.contains(status);
    }

    public static Optional<Decision> fromCode(String code) {
        return Arrays.stream(values()).filter(decision -> decision.code.equals(code)).findFirst();
    }
}
