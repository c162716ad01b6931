package cn.siyiban.core.staff;

/**
 * A staff account.
 *
 * @param pointCode the service point of a clerk or technician, null for department and county staff
 * @param department the deciding department of a reviewer, as named in the catalogue
 */
public record Staff(String id, String username, String displayName, Role role, String pointCode,
                    String department, String passwordHash, boolean enabled) {
}
