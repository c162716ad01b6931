package cn.siyiban.core.cases;

import java.time.LocalDateTime;

/** One row of the case list. */
public record CaseSummary(String caseNo, String originPoint, String matterCode, String matterName,
                          String applicantName, boolean proxy, LocalDateTime createdAt,
                          LocalDateTime dueAt, CaseEventType status) {
}
