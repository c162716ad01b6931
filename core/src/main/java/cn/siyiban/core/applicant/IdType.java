package cn.siyiban.core.applicant;

import cn.siyiban.core.error.DomainException;
import java.util.Arrays;

/** Identity documents an applicant may present at intake, with their Chinese names. */
public enum IdType {
    RESIDENT_ID("resident_id", "居民身份证"),
    HK_MACAO_PERMIT("hk_macao_permit", "港澳居民来往内地通行证"),
    TAIWAN_PERMIT("taiwan_permit", "台湾居民来往大陆通行证"),
    PASSPORT("passport", "护照"),
    FOREIGN_PERMANENT_RESIDENT("foreign_permanent_resident", "外国人永久居留身份证");

    private final String code;
    private final String label;

    IdType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Parses a stored or submitted code; a missing code means a resident ID card. */
    public static IdType fromCode(String code) {
        if (code == null || code.isBlank()) {
            return RESIDENT_ID;
        }
        return Arrays.stream(values())
                .filter(type -> type.code.equals(code.strip()))
                .findFirst()
                .orElseThrow(() -> DomainException.invalid("invalid_id_type",
                        "不支持的证件类型：" + code, "applicant.idType"));
    }
}
