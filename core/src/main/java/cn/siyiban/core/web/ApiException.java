package cn.siyiban.core.web;

import java.util.Map;

/**
 * An error of the HTTP layer itself (not logged in, bad JSON, locked account) with the status to
 * send. Domain rules throw {@link cn.siyiban.core.error.DomainException} instead; both are
 * rendered by {@link ErrorMapper}.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> details;

    public ApiException(int status, String code, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
