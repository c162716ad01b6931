package cn.siyiban.core.applicant;

import cn.siyiban.core.error.DomainException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Checks a mainland resident ID number as GB 11643-1999 defines it: 17 digits (6 for the
 * registering division, 8 for the birth date, 3 for the sequence) and a check character computed
 * with ISO 7064 MOD 11-2, where {@code X} stands for 10. A lower-case {@code x} is accepted and
 * stored upper-case because clerks type both.
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARACTERS = "10X98765432".toCharArray();
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private ResidentIdNumber() {
    }

    /**
     * Returns the number in its stored form (trimmed, {@code X} upper-case) or throws
     * {@code invalid_id_number} naming the rule it broke.
     *
     * @param today the county's date, so that a birth date in the future is rejected
     */
    public static String normalize(String raw, LocalDate today) {
        String value = raw == null ? "" : raw.strip().toUpperCase(java.util.Locale.ROOT);
        if (value.length() != 18) {
            throw invalid("身份证号码应为18位，当前为" + value.codePointCount(0, value.length()) + "位");
        }
        for (int i = 0; i < 17; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                throw invalid("身份证号码前17位只能是数字");
            }
        }
        char last = value.charAt(17);
        if ((last < '0' || last > '9') && last != 'X') {
            throw invalid("身份证号码第18位只能是数字或X");
        }
        LocalDate birth = birthDate(value);
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
            throw invalid("身份证号码中的出生日期" + birth + "不合理");
        }
        if (checkCharacter(value) != last) {
            throw invalid("身份证号码校验位不正确，请核对后重新输入");
        }
        return value;
    }

    /** Returns the check character for the first 17 digits of {@code value}. */
    public static char checkCharacter(String value) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (value.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % 11];
    }

    private static LocalDate birthDate(String value) {
        int year = Integer.parseInt(value.substring(6, 10));
        int month = Integer.parseInt(value.substring(10, 12));
        int day = Integer.parseInt(value.substring(12, 14));
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw invalid("身份证号码中的出生日期" + value.substring(6, 14) + "不是有效日期");
        }
    }

    private static DomainException invalid(String message) {
        return DomainException.invalid("invalid_id_number", message, "applicant.idNumber");
    }

    /** Masks all but the first 6 and the last 4 characters, for logs and printed lists. */
    public static String mask(String idNumber) {
        if (idNumber == null || idNumber.length() < 10) {
            return "****";
        }
        return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10)
                + idNumber.substring(idNumber.length() - 4);
    }
}
