package cn.siyiban.core.web;

/**
 * The logged-in staff member as the UI shows it, with the CSRF token the UI sends back.
 *
 * @param nodePoint the point this server serves: a node's own point, or the county centre at central
 * @param nodePointName name of that point, shown in every page header
 */
public record SessionView(String username, String displayName, String role, String roleLabel,
                          String pointCode, String pointName, String nodePoint, String nodePointName,
                          String csrfToken) {
}
