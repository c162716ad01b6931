package cn.siyiban.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Staff change their own password at central: the rules of a new password, the current
 * password as proof, the sessions that end, and the update that SymmetricDS captures for the
 * clerk's node.
 */
class PasswordChangeApiTest {

    private static final String VILLAGE = "321323101001";
    private static final String TEMPORARY = "temporary-pass-1";

    @RegisterExtension
    static final TestCentral central = TestCentral.perClass();
    private static ApiClient admin;

    @BeforeAll
    static void logIn() {
        admin = central.loggedIn("admin");
    }

    /** Creates a village clerk with the temporary password and returns a client logged in as them. */
    private static ApiClient clerk(String username) {
        TestCentral.createStaff(admin, username, "village_clerk", VILLAGE, TEMPORARY);
        ApiClient client = central.client();
        assertEquals(200, client.login(username, TEMPORARY).status());
        return client;
    }

    private static Map<String, Object> change(String old, String fresh, String again) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("oldPassword", old);
        body.put("newPassword", fresh);
        body.put("newPasswordAgain", again);
        return body;
    }

    @Test
    void changeKeepsSessionAndEndsOthers() {
        ApiClient first = clerk("pw.sessions");
        ApiClient second = central.client();
        assertEquals(200, second.login("pw.sessions", TEMPORARY).status());

        ApiClient.Response changed = first.post("/api/password", change(TEMPORARY, "changed-pass-7", "changed-pass-7"));

        assertEquals(200, changed.status(), changed.body());
        assertEquals(200, first.get("/api/session").status());
        assertEquals(401, second.get("/api/session").status());
        assertEquals(401, central.client().login("pw.sessions", TEMPORARY).status());
        assertEquals(200, central.client().login("pw.sessions", "changed-pass-7").status());
        String audit = admin.get("/api/audit").body();
        assertTrue(audit.contains("staff_password_change"), audit);
        assertFalse(audit.contains("changed-pass-7"), audit);
    }

    @Test
    void adminResetEndsClerkSessions() {
        ApiClient clerk = clerk("pw.reset");

        assertEquals(200, admin.post("/api/staff/pw.reset/password", Map.of("password", "another-temp-2")).status());

        assertEquals(401, clerk.get("/api/session").status());
    }

    @Test
    void newPasswordMustMeetRules() {
        ApiClient clerk = clerk("pw.rules");
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("newPasswordAgain", change(TEMPORARY, "changed-pass-7", "changed-pass-8"));
        cases.put("newPassword", change(TEMPORARY, "short-7", "short-7"));
        cases.put("newPassword no digit", change(TEMPORARY, "onlyletters", "onlyletters"));
        cases.put("newPassword no letter", change(TEMPORARY, "12345678", "12345678"));
        cases.put("newPassword same", change(TEMPORARY, TEMPORARY, TEMPORARY));
        cases.put("newPassword username", change(TEMPORARY, "pw.rules-2026", "pw.rules-2026"));
        cases.put("newPassword too long", change(TEMPORARY, "密码".repeat(12) + "a1", "密码".repeat(12) + "a1"));
        cases.put("oldPassword missing", change("", "changed-pass-7", "changed-pass-7"));

        for (Map.Entry<String, Map<String, Object>> entry : cases.entrySet()) {
            ApiClient.Response response = clerk.post("/api/password", entry.getValue());
            String field = entry.getKey().split(" ")[0];
            assertEquals(422, response.status(), entry.getKey() + " -> " + response.body());
            assertEquals("invalid_password", response.json().path("code").asText(), response.body());
            assertTrue(response.json().path("details").has(field), entry.getKey() + " -> " + response.body());
        }
        assertEquals(200, central.client().login("pw.rules", TEMPORARY).status());
    }

    @Test
    void wrongOldPasswordCountsAsFailedLogin() {
        ApiClient clerk = clerk("pw.wrong");

        ApiClient.Response wrong = clerk.post("/api/password", change("not-the-password", "changed-pass-7",
                "changed-pass-7"));

        assertEquals(422, wrong.status(), wrong.body());
        assertEquals("wrong_old_password", wrong.json().path("code").asText());
        for (int attempt = 2; attempt < 5; attempt++) {
            clerk.post("/api/password", change("not-the-password", "changed-pass-7", "changed-pass-7"));
        }
        ApiClient.Response fifth = clerk.post("/api/password", change("not-the-password", "changed-pass-7",
                "changed-pass-7"));
        assertEquals(423, fifth.status(), fifth.body());
        ApiClient.Response locked = clerk.post("/api/password", change(TEMPORARY, "changed-pass-7", "changed-pass-7"));
        assertEquals(423, locked.status(), locked.body());
        assertEquals(423, central.client().login("pw.wrong", TEMPORARY).status());
    }

    @Test
    void clerkChangeIsCapturedForNode() {
        ApiClient clerk = clerk("pw.node");
        String before = passwordHash("pw.node");

        assertEquals(200, clerk.post("/api/password", change(TEMPORARY, "changed-pass-7", "changed-pass-7")).status());

        String after = passwordHash("pw.node");
        assertNotEquals(before, after);
        assertTrue(after.startsWith("$2a$10$"), after);
        // SymmetricDS's trigger on sy_staff captured the update, which its column router sends
        // to the node of the clerk's point.
        int captured = central.app.database().query(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM sym_data "
                    + "WHERE UPPER(table_name) = 'SY_STAFF' AND event_type = 'U' AND row_data LIKE ?")) {
                select.setString(1, "%" + after + "%");
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
        assertEquals(1, captured);
    }

    private static String passwordHash(String username) {
        return central.app.database().query(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT password_hash FROM sy_staff WHERE username = ?")) {
                select.setString(1, username);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        });
    }
}
