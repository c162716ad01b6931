package cn.siyiban.core.applicant;

import cn.siyiban.core.error.DomainException;
import java.util.regex.Pattern;

/**
 * Checks the contact phone of an applicant: a mainland mobile number (11 digits starting with 1
 * and a second digit 3 to 9) or a landline with its area code ({@code 0527-85212345}). Spaces and
 * dashes that clerks type between groups are removed before the check.
 */
public final class PhoneNumber {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}\\d{7,8}");

    private PhoneNumber() {
    }

    /** Returns the digits-only form, or throws {@code invalid_phone}. */
    public static String normalize(String raw) {
        String digits = raw == null ? "" : raw.strip().replace(" ", "").replace("-", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        if (MOBILE.matcher(digits).matches() || LANDLINE.matcher(digits).matches()) {
            return digits;
        }
        throw DomainException.invalid("invalid_phone",
                "联系电话格式不正确：请填写11位手机号码，或带区号的固定电话（如0527-85212345）",
                "applicant.phone");
    }

    /** Keeps the first 3 and last 4 digits, so a log never carries a citizen's full number. */
    public static String mask(String phone) {
        if (phone == null || phone.length() < 8) {
            return "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
