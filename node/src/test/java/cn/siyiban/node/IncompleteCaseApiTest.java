package cn.siyiban.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.siyiban.core.cases.CaseEventType;
import cn.siyiban.core.seed.DemoAccounts;
import cn.siyiban.core.staff.PasswordHasher;
import cn.siyiban.core.staff.Role;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.staff.StaffStore;
import cn.siyiban.core.testing.IncompleteCase;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.node.settings.SettingsLoader;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cases whose row reached the node before their intake event, as the initial load that returns
 * a reinstalled node's own cases can deliver them. Every case API returns 409
 * {@code case_incomplete}, as central does, and records nothing, until the event arrives.
 */
class IncompleteCaseApiTest {

    private static final String VILLAGE = SettingsLoader.DEMO_POINT_CODE;
    private static final LocalDateTime TAKEN_IN = LocalDateTime.of(2026, 11, 30, 9, 15);

    @RegisterExtension
    static final TestNode node = TestNode.perClass();
    private static ApiClient clerk;

    @BeforeAll
    static void logIn() {
        clerk = node.client();
        clerk.login("clerk", DemoAccounts.PASSWORD);
    }

    private static String insertCase(String caseNo) {
        return IncompleteCase.insert(node.app.database(), VILLAGE, caseNo, true, TAKEN_IN);
    }

    private static void assertIncomplete(ApiClient.Response response, String request) {
        assertEquals(409, response.status(), request + ": " + response.body());
        assertEquals("case_incomplete", response.json().path("code").asText(), request);
    }

    @Test
    void caseDetailIsIncomplete() {
        String caseNo = VILLAGE + "-20261130-0901";
        insertCase(caseNo);

        ApiClient.Response detail = clerk.get("/api/cases/" + caseNo);

        assertIncomplete(detail, "GET detail");
        assertEquals("办件" + caseNo + "的受理记录尚在同步中，请稍后再试", detail.json().path("message").asText());
        assertEquals(caseNo, detail.json().path("details").path("caseNo").asText());
    }

    @Test
    void caseApisRecordNothing() {
        String caseNo = VILLAGE + "-20261130-0902";
        String caseId = insertCase(caseNo);

        for (String part : List.of("/bundle", "/proxy-steps", "/rating")) {
            assertIncomplete(clerk.get("/api/cases/" + caseNo + part), "GET " + part);
        }
        assertIncomplete(clerk.post("/api/cases/" + caseNo + "/delivery", Map.of()), "POST delivery");
        assertIncomplete(clerk.post("/api/cases/" + caseNo + "/proxy-steps", Map.of("step", "entrusted")),
                "POST proxy step");
        assertIncomplete(clerk.post("/api/ratings", RatingApiTest.rating(UUID.randomUUID().toString(), caseNo, 5)),
                "POST rating");
        assertEquals(0, node.count("SELECT COUNT(*) FROM sy_case_event WHERE case_id = ?", caseId));
        assertEquals(0, node.count("SELECT COUNT(*) FROM sy_rating WHERE case_no = ?", caseNo));
    }

    @Test
    void otherPointsClerkIsForbidden() {
        String caseNo = VILLAGE + "-20261130-0903";
        insertCase(caseNo);
        new StaffStore(node.app.database()).insert(new Staff(UUID.randomUUID().toString(), "incomplete-neighbour",
                "邻村代办员", Role.VILLAGE_CLERK, "321323101004", null, PasswordHasher.hash("neighbour-pass"), true),
                CountyClock.system().now());
        ApiClient neighbour = node.client();
        neighbour.login("incomplete-neighbour", "neighbour-pass");

        ApiClient.Response detail = neighbour.get("/api/cases/" + caseNo);

        assertEquals(403, detail.status(), detail.body());
        assertEquals("forbidden", detail.json().path("code").asText());
    }

    @Test
    void unknownCaseStillNotFound() {
        ApiClient.Response detail = clerk.get("/api/cases/" + VILLAGE + "-20261130-0999");

        assertEquals(404, detail.status(), detail.body());
        assertEquals("case_not_found", detail.json().path("code").asText());
    }

    @Test
    void caseOpensOnceIntakeEventArrives() {
        String caseNo = VILLAGE + "-20261130-0904";
        String caseId = insertCase(caseNo);
        assertIncomplete(clerk.get("/api/cases/" + caseNo), "GET before the event");

        IncompleteCase.insertEvent(node.app.database(), caseId, VILLAGE, CaseEventType.INTAKE, TAKEN_IN, null);

        ApiClient.Response detail = clerk.get("/api/cases/" + caseNo);
        assertEquals(200, detail.status(), detail.body());
        assertEquals("intake", detail.json().path("status").asText());
        assertEquals(200, clerk.get("/api/cases/" + caseNo + "/proxy-steps").status());
    }
}
