package cn.siyiban.node.auth;

/**
 * The logged-in staff member as the UI shows it, with the CSRF token the UI sends back.
 *
 * @param nodePointName name of the service point this node serves, shown in every page header
 */
public record SessionView(String username, String displayName, String role, String roleLabel,
                          String pointCode, String pointName, String nodePoint, String nodePointName,
                          String csrfToken) {
}
