package cn.siyiban.core.applicant;

import cn.siyiban.core.error.DomainException;

/**
 * Checks a person's name while keeping every character exactly as typed, including rare
 * characters outside the Basic Multilingual Plane (such as 𠮷 U+20BB7), which take two UTF-16
 * code units. Lengths are therefore counted in code points, and columns are sized for twice that
 * many code units.
 */
public final class PersonName {

    /** Maximum code points: long enough for transliterated minority and foreign names. */
    public static final int MAX_CODE_POINTS = 50;

    private PersonName() {
    }

    /** Returns the name stripped of surrounding white space, or throws {@code invalid_name}. */
    public static String normalize(String raw, String field) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw DomainException.invalid("invalid_name", "姓名不能为空", field);
        }
        int length = name.codePointCount(0, name.length());
        if (length > MAX_CODE_POINTS) {
            throw DomainException.invalid("invalid_name",
                    "姓名过长：最多" + MAX_CODE_POINTS + "个字，当前" + length + "个字", field);
        }
        name.codePoints().forEach(codePoint -> {
            if (!isNameCharacter(codePoint)) {
                throw DomainException.invalid("invalid_name",
                        "姓名中含有不允许的字符“" + describe(codePoint) + "”，请只填写文字和间隔号", field);
            }
        });
        return name;
    }

    /**
     * Letters of any script, combining marks, private-use characters (older systems put rare
     * characters there), the middle dots used in minority and foreign names, and inner spaces,
     * hyphens and periods of foreign names.
     */
    static boolean isNameCharacter(int codePoint) {
        if (Character.isLetter(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.PRIVATE_USE) {
            return true;
        }
        return codePoint == '·' || codePoint == '•' || codePoint == '・' || codePoint == '.'
                || codePoint == '-' || codePoint == ' ';
    }

    private static String describe(int codePoint) {
        if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)) {
            return String.format("U+%04X", codePoint);
        }
        return new String(Character.toChars(codePoint));
    }
}
