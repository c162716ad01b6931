package cn.siyiban.core.cases;

/** The saved case, and whether this request created it or found it saved by an earlier retry. */
public record IntakeResult(CaseRecord record, boolean created) {
}
