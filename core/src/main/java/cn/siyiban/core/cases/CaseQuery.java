package cn.siyiban.core.cases;

import java.time.LocalDate;

/**
 * Filters of the case list. Null fields do not filter.
 *
 * @param originPoint only cases taken in at this point (clerks see only their own point's)
 * @param department only cases decided by this department (reviewers see only their own)
 * @param text part of the case number, applicant name or matter name
 * @param limit maximum rows, newest first
 */
public record CaseQuery(String originPoint, String department, String matterCode, String text,
                        LocalDate from, LocalDate to, int limit) {
}
