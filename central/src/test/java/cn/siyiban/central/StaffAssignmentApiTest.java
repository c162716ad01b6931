package cn.siyiban.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.staff.StaffStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A county admin gives an account another role and point: the confirmation, the checks, the
 * audit entries, and the two updates SymmetricDS captures, of which the old point's node gets
 * only the one that disables the account there.
 */
class StaffAssignmentApiTest {

    /** 北爱园居委会 and its township 爱园镇. */
    private static final String VILLAGE = "321323101001";
    private static final String TOWNSHIP = "321323101000";
    private static final String PASSWORD = "temporary-pass-1";

    @RegisterExtension
    static final TestCentral central = TestCentral.perClass();
    private static ApiClient admin;

    @BeforeAll
    static void logIn() {
        admin = central.loggedIn("admin");
    }

    private static void villageClerk(String username) {
        TestCentral.createStaff(admin, username, "village_clerk", VILLAGE, PASSWORD);
    }

    private static Map<String, Object> assignment(String role, String point, String confirm) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", role);
        body.put("pointCode", point);
        body.put("department", null);
        body.put("confirm", confirm);
        return body;
    }

    @Test
    void moveToTownshipDisablesAtVillage() {
        villageClerk("as.move");

        ApiClient.Response moved = admin.post("/api/staff/as.move/assignment",
                assignment("township_clerk", TOWNSHIP, "as.move"));

        assertEquals(200, moved.status(), moved.body());
        assertEquals("township_clerk", moved.json().path("role").asText());
        assertEquals(TOWNSHIP, moved.json().path("pointCode").asText());
        assertTrue(moved.json().path("enabled").asBoolean(), moved.body());
        assertEquals(200, central.client().login("as.move", PASSWORD).status(), "password kept at central");

        List<String> captured = capturedRows("as.move");
        assertEquals(3, captured.size(), captured.toString());
        String leave = captured.get(1);
        assertTrue(leave.contains("\"" + VILLAGE + "\""), leave);
        assertTrue(leave.contains(StaffStore.MOVED_HASH), leave);
        String arrive = captured.get(2);
        assertTrue(arrive.contains("\"" + TOWNSHIP + "\""), arrive);
        assertTrue(arrive.contains("\"township_clerk\""), arrive);
        assertFalse(arrive.contains(StaffStore.MOVED_HASH), arrive);

        JsonNode audit = admin.get("/api/audit").json();
        int entries = 0;
        for (JsonNode entry : audit) {
            if ("staff_reassign".equals(entry.path("action").asText()) && "as.move".equals(entry.path("target").asText())) {
                entries++;
                assertEquals("admin", entry.path("actor").asText());
                assertTrue(entry.path("detail").asText().contains("村（社区）代办员 → 镇（街道）窗口人员"), entry.toString());
            }
        }
        assertEquals(2, entries, "one entry under each point");
    }

    @Test
    void roleChangeAtSamePointKeepsAccount() {
        villageClerk("as.role");

        ApiClient.Response changed = admin.post("/api/staff/as.role/assignment",
                assignment("technician", VILLAGE, "as.role"));

        assertEquals(200, changed.status(), changed.body());
        List<String> captured = capturedRows("as.role");
        assertEquals(2, captured.size(), captured.toString());
        assertFalse(captured.get(1).contains(StaffStore.MOVED_HASH), captured.get(1));
    }

    @Test
    void assignmentNeedsConfirmation() {
        villageClerk("as.confirm");

        ApiClient.Response missing = admin.post("/api/staff/as.confirm/assignment",
                assignment("township_clerk", TOWNSHIP, null));
        ApiClient.Response wrong = admin.post("/api/staff/as.confirm/assignment",
                assignment("township_clerk", TOWNSHIP, "someone.else"));

        assertEquals(400, missing.status(), missing.body());
        assertEquals("confirmation_required", missing.json().path("code").asText());
        assertEquals(400, wrong.status(), wrong.body());
        assertEquals(VILLAGE, staffPoint("as.confirm"));
    }

    @Test
    void assignmentChecksRoleAndPoint() {
        villageClerk("as.checks");

        List<Map<String, Object>> bad = new ArrayList<>();
        bad.add(assignment("village_clerk", TOWNSHIP, "as.checks"));
        bad.add(assignment("reviewer", VILLAGE, "as.checks"));
        bad.add(assignment("nobody", VILLAGE, "as.checks"));
        bad.add(assignment("village_clerk", VILLAGE, "as.checks"));
        for (Map<String, Object> body : bad) {
            ApiClient.Response response = admin.post("/api/staff/as.checks/assignment", body);
            assertEquals(422, response.status(), body + " -> " + response.body());
            assertEquals("invalid_staff", response.json().path("code").asText(), response.body());
        }
        assertEquals(VILLAGE, staffPoint("as.checks"));
    }

    @Test
    void adminCannotReassignSelf() {
        ApiClient.Response response = admin.post("/api/staff/admin/assignment",
                assignment("reviewer", null, "admin"));

        assertEquals(409, response.status(), response.body());
    }

    @Test
    void reviewerCannotReassign() {
        villageClerk("as.forbidden");
        ApiClient reviewer = central.loggedIn("reviewer");

        ApiClient.Response response = reviewer.post("/api/staff/as.forbidden/assignment",
                assignment("township_clerk", TOWNSHIP, "as.forbidden"));

        assertEquals(403, response.status(), response.body());
    }

    /** Returns the row data SymmetricDS captured for the account, oldest first. */
    private static List<String> capturedRows(String username) {
        return central.app.database().query(connection -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT row_data FROM sym_data "
                    + "WHERE UPPER(table_name) = 'SY_STAFF' AND row_data LIKE ? ORDER BY data_id")) {
                select.setString(1, "%\"" + username + "\"%");
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(row.getString(1));
                    }
                }
            }
            return rows;
        });
    }

    private static String staffPoint(String username) {
        return new StaffStore(central.app.database()).findByUsername(username).orElseThrow().pointCode();
    }
}
