package cn.siyiban.central.ratings;

import cn.siyiban.core.error.DomainException;

/**
 * The {@code page} and {@code size} query parameters of a list. Page 1 is the first, and a page
 * has {@value #DEFAULT_SIZE} rows unless {@code size} sets another number.
 */
record Paging(int page, int size) {

    static final int DEFAULT_SIZE = 50;
    /** Largest page a request may ask for, so one request never reads the whole table. */
    static final int MAX_SIZE = 200;

    /** Parses the parameters. A missing one takes its default, and an invalid one is rejected. */
    static Paging of(String page, String size) {
        return new Paging(number(page, 1, Integer.MAX_VALUE, "invalid_page", "page", "页码"),
                number(size, DEFAULT_SIZE, MAX_SIZE, "invalid_size", "size", "每页条数"));
    }

    /** Returns the number of rows before this page, as a long so a huge page number cannot overflow. */
    long offset() {
        return (long) (page - 1) * size;
    }

    /**
     * Parses a whole-number query parameter from 1 to {@code max}, or returns {@code fallback} when
     * it is missing. An invalid one is rejected with {@code code} and a Chinese message naming it {@code name}.
     */
    static int number(String text, int fallback, int max, String code, String field, String name) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Rejected below with the same message as an out-of-range number.
        }
        throw DomainException.invalid(code, name + "应为 1 到 " + max + " 的整数，收到“" + text + "”", field);
    }
}
