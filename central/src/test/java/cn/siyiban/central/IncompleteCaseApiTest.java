package cn.siyiban.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.cases.CaseEventType;
import cn.siyiban.core.testing.IncompleteCase;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cases whose intake event has not reached central yet. A SymmetricDS reload sends
 * {@code sy_case}, {@code sy_case_material} and {@code sy_case_event} in separate batches, so
 * these tests insert the rows of one batch straight into central's Derby database and call the
 * API before the next batch is in.
 */
class IncompleteCaseApiTest {

    private static final LocalDateTime TAKEN_IN = LocalDateTime.of(2026, 11, 30, 9, 15);

    @RegisterExtension
    static final TestCentral central = TestCentral.perClass();
    private static ApiClient reviewer;
    private static ApiClient admin;

    @BeforeAll
    static void logIn() {
        reviewer = central.loggedIn("reviewer");
        admin = central.loggedIn("admin");
    }

    @Test
    void caseWithoutEventsIsIncomplete() {
        String caseNo = TestCentral.VILLAGE + "-20261130-0901";
        String caseId = insertCase(caseNo, false);

        ApiClient.Response detail = reviewer.get("/api/cases/" + caseNo);
        assertEquals(409, detail.status(), detail.body());
        assertEquals("case_incomplete", detail.json().path("code").asText());
        assertEquals("办件" + caseNo + "的受理记录尚在同步中，请稍后再试", detail.json().path("message").asText());
        assertEquals(caseNo, detail.json().path("details").path("caseNo").asText());

        ApiClient.Response decision = reviewer.post("/api/cases/" + caseNo + "/decisions",
                Map.of("decision", "accept"));
        assertEquals(409, decision.status(), decision.body());
        assertEquals("case_incomplete", decision.json().path("code").asText());
        assertEquals(0, eventCount(caseId));
    }

    @Test
    void caseWithOnlyProxyStepIsIncomplete() {
        String caseNo = TestCentral.VILLAGE + "-20261130-0902";
        String caseId = insertCase(caseNo, true);
        insertEvent(caseId, CaseEventType.ENTRUSTED, TAKEN_IN.minusMinutes(5), null);

        ApiClient.Response detail = reviewer.get("/api/cases/" + caseNo);
        assertEquals(409, detail.status(), detail.body());
        assertEquals("case_incomplete", detail.json().path("code").asText());

        ApiClient.Response decision = reviewer.post("/api/cases/" + caseNo + "/decisions",
                Map.of("decision", "approve"));
        assertEquals(409, decision.status(), decision.body());
        assertEquals("case_incomplete", decision.json().path("code").asText());
        assertEquals(1, eventCount(caseId));
    }

    @Test
    void listsSkipIncompleteCase() {
        String caseNo = TestCentral.VILLAGE + "-20261130-0903";
        insertCase(caseNo, true);

        ApiClient.Response reviewerList = reviewer.get("/api/cases");
        assertEquals(200, reviewerList.status(), reviewerList.body());
        assertTrue(caseNumbers(reviewerList.json()).noneMatch(caseNo::equals), reviewerList.body());
        ApiClient.Response adminList = admin.get("/api/cases?q=" + caseNo);
        assertEquals(200, adminList.status(), adminList.body());
        assertEquals(0, adminList.json().size(), adminList.body());

        central.app.reminders().runOnce();
        ApiClient.Response reminders = admin.get("/api/reminders");
        assertEquals(200, reminders.status(), reminders.body());
        ApiClient.Response overdue = admin.get("/api/workflows/overdue-supplements");
        assertEquals(200, overdue.status(), overdue.body());
        ApiClient.Response statistics = admin.get("/api/statistics?from=2026-11&to=2026-11");
        assertEquals(200, statistics.status(), statistics.body());
        ApiClient.Response proxyReport = admin.get("/api/reports/proxy?month=2026-11");
        assertEquals(200, proxyReport.status(), proxyReport.body());
    }

    @Test
    void caseOpensOnceIntakeEventArrives() {
        String caseNo = TestCentral.VILLAGE + "-20261130-0904";
        String caseId = insertCase(caseNo, false);
        assertEquals(409, reviewer.get("/api/cases/" + caseNo).status());

        insertEvent(caseId, CaseEventType.INTAKE, TAKEN_IN, null);

        ApiClient.Response detail = reviewer.get("/api/cases/" + caseNo);
        assertEquals(200, detail.status(), detail.body());
        assertEquals("intake", detail.json().path("status").asText());
        assertEquals(0, detail.json().path("hashChainProblems").size(), detail.body());
        assertTrue(caseNumbers(reviewer.get("/api/cases").json()).anyMatch(caseNo::equals));
        ApiClient.Response decision = reviewer.post("/api/cases/" + caseNo + "/decisions",
                Map.of("decision", "accept"));
        assertEquals(201, decision.status(), decision.body());
    }

    @Test
    void unknownCaseStillNotFound() {
        ApiClient.Response detail = reviewer.get("/api/cases/" + TestCentral.VILLAGE + "-20261130-0999");
        assertEquals(404, detail.status(), detail.body());
        assertEquals("case_not_found", detail.json().path("code").asText());
    }

    private static Stream<String> caseNumbers(JsonNode list) {
        List<String> numbers = new ArrayList<>();
        list.forEach(item -> numbers.add(item.path("caseNo").asText()));
        return numbers.stream();
    }

    /** Inserts the rows of the first batches of a reload: the case and its materials, without events. */
    private static String insertCase(String caseNo, boolean proxy) {
        return IncompleteCase.insert(central.app.database(), TestCentral.VILLAGE, caseNo, proxy, TAKEN_IN);
    }

    /** Inserts one event recorded at the village, as a later batch of a reload delivers it. */
    private static void insertEvent(String caseId, CaseEventType type, LocalDateTime at, String prevHash) {
        IncompleteCase.insertEvent(central.app.database(), caseId, TestCentral.VILLAGE, type, at, prevHash);
    }

    private static int eventCount(String caseId) {
        return central.app.database().query(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) FROM sy_case_event WHERE case_id = ?")) {
                select.setString(1, caseId);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }
}
