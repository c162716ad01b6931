package cn.siyiban.central.staff;

/**
 * An account as the staff page sends it. On create every field counts. On edit only
 * {@code displayName} and {@code department} do, because the user name is the login and a
 * change of role or point goes through the assignment change, which disables the account at
 * the old point's node.
 *
 * @param role a role code such as {@code village_clerk}
 * @param pointCode the point of a clerk or technician; blank for reviewers and county admins
 * @param department the departments of a reviewer, separated by commas
 * @param password the first password, which the staff member should change
 */
public record StaffInput(String username, String displayName, String role, String pointCode, String department,
                         String password) {
}
