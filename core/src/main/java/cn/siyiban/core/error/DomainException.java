package cn.siyiban.core.error;

import java.util.Map;

/**
 * A rule of the domain that a request broke, carrying a stable English code for programs and a
 * Chinese message for the clerk. The web layers of node and central render it as
 * {@code {"code","message","details"}} with an HTTP status chosen from {@link #kind()}.
 */
public class DomainException extends RuntimeException {

    /** How the caller should read the failure; the web layer maps each kind to one HTTP status. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN, UNAVAILABLE }

    private final Kind kind;
    private final String code;
    private final Map<String, Object> details;

    public DomainException(Kind kind, String code, String message, Map<String, Object> details) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    public DomainException(Kind kind, String code, String message) {
        this(kind, code, message, Map.of());
    }

    public static DomainException invalid(String code, String message, String field) {
        return new DomainException(Kind.INVALID, code, message, Map.of("field", field));
    }

    public static DomainException notFound(String code, String message) {
        return new DomainException(Kind.NOT_FOUND, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
