package cn.siyiban.core.staff;

import java.util.Arrays;
import java.util.Optional;

/** Staff roles; each decides which pages and cases a staff member may see. */
public enum Role {
    VILLAGE_CLERK("village_clerk", "村（社区）代办员"),
    TOWNSHIP_CLERK("township_clerk", "镇（街道）窗口人员"),
    REVIEWER("reviewer", "部门审核人员"),
    COUNTY_ADMIN("county_admin", "县级管理员"),
    TECHNICIAN("technician", "运维技术人员");

    private final String code;
    private final String label;

    Role(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<Role> fromCode(String code) {
        return Arrays.stream(values()).filter(role -> role.code.equals(code)).findFirst();
    }

    /** Whether this role takes in cases at a service point. */
    public boolean takesIntake() {
        return this == VILLAGE_CLERK || this == TOWNSHIP_CLERK;
    }
}
