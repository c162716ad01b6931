package cn.siyiban.core.web;

import java.util.Map;

/**
 * The one error body of the siyiban APIs.
 *
 * @param code stable English code that programs and tests compare
 * @param message Chinese sentence for the clerk
 * @param details per-field particulars, e.g. {@code {"field":"applicant.idNumber"}}
 */
public record ApiError(String code, String message, Map<String, Object> details) {
}
