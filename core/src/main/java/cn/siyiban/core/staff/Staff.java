package cn.siyiban.core.staff;

import java.util.Arrays;

/**
 * A staff account.
 *
 * @param pointCode the service point of a clerk or technician, null for department and county staff
 * @param department the departments a reviewer decides for, as named in the catalogue and
 *                   separated by commas (a reviewer may serve several small departments)
 */
public record Staff(String id, String username, String displayName, Role role, String pointCode,
                    String department, String passwordHash, boolean enabled) {

    /** Whether this reviewer decides cases of {@code caseDepartment}. */
    public boolean reviewsFor(String caseDepartment) {
        if (role != Role.REVIEWER || department == null || caseDepartment == null) {
            return false;
        }
        return Arrays.stream(department.split("[,，]")).map(String::strip).anyMatch(caseDepartment::equals);
    }
}
