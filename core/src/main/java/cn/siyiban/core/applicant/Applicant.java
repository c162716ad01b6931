package cn.siyiban.core.applicant;

import cn.siyiban.core.error.DomainException;
import java.time.LocalDate;

/**
 * The citizen who applies, as stored on a case. {@link #validated} is the only way requests
 * build one, so a stored applicant has always passed the checks.
 */
public record Applicant(String name, IdType idType, String idNumber, String phone, String address) {

    /** Maximum code points of a postal address. */
    public static final int MAX_ADDRESS_CODE_POINTS = 100;

    public static Applicant validated(String name, String idType, String idNumber, String phone,
                                      String address, LocalDate today) {
        IdType type = IdType.fromCode(idType);
        String normalizedId = type == IdType.RESIDENT_ID
                ? ResidentIdNumber.normalize(idNumber, today)
                : OtherIdNumber.normalize(idNumber);
        return new Applicant(
                PersonName.normalize(name, "applicant.name"),
                type,
                normalizedId,
                PhoneNumber.normalize(phone),
                normalizeAddress(address));
    }

    private static String normalizeAddress(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String address = raw.strip();
        if (address.codePointCount(0, address.length()) > MAX_ADDRESS_CODE_POINTS) {
            throw DomainException.invalid("invalid_address",
                    "地址过长：最多" + MAX_ADDRESS_CODE_POINTS + "个字", "applicant.address");
        }
        if (address.codePoints().anyMatch(Character::isISOControl)) {
            throw DomainException.invalid("invalid_address", "地址中含有控制字符，请重新输入", "applicant.address");
        }
        return address;
    }
}
