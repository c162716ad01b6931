package cn.siyiban.core.cases;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The human case number printed on receipts: the point code, the intake date and a per-point,
 * per-day sequence, e.g. {@code 321323101201-20261204-0007}. Because it embeds the point code,
 * two points never issue the same number and need no coordination; central's unique constraint
 * on {@code case_no} would reject a repeat rather than overwrite a case.
 */
public record CaseNumber(String pointCode, LocalDate date, int sequence) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    /** Four digits cover 9,999 cases a day, far beyond the busiest hall. */
    public static final int MAX_SEQUENCE = 9999;

    public CaseNumber {
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("sequence must be 1 to " + MAX_SEQUENCE + ", was " + sequence);
        }
    }

    @Override
    public String toString() {
        return pointCode + "-" + date.format(DATE) + "-" + String.format("%04d", sequence);
    }

    /** Parses a printed number; throws {@link IllegalArgumentException} if it is not one. */
    public static CaseNumber parse(String text) {
        String value = text == null ? "" : text.strip();
        int last = value.lastIndexOf('-');
        int middle = last > 0 ? value.lastIndexOf('-', last - 1) : -1;
        if (middle <= 0 || last - middle != 9 || value.length() - last != 5) {
            throw new IllegalArgumentException("not a case number: " + text);
        }
        try {
            return new CaseNumber(value.substring(0, middle),
                    LocalDate.parse(value.substring(middle + 1, last), DATE),
                    Integer.parseInt(value.substring(last + 1)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a case number: " + text, e);
        }
    }
}
