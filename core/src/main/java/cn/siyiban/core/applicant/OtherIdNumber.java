package cn.siyiban.core.applicant;

import cn.siyiban.core.error.DomainException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks the number of a permit or passport. Their formats differ by issuing authority and
 * year, so only the common shape is enforced: 5 to 20 Latin letters and digits.
 */
final class OtherIdNumber {

    private static final Pattern SHAPE = Pattern.compile("[A-Z0-9]{5,20}");

    private OtherIdNumber() {
    }

    static String normalize(String raw) {
        String value = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (!SHAPE.matcher(value).matches()) {
            throw DomainException.invalid("invalid_id_number",
                    "证件号码应为5到20位字母或数字", "applicant.idNumber");
        }
        return value;
    }
}
