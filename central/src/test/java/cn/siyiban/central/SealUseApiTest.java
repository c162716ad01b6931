package cn.siyiban.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.testing.LogCapture;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The e-seal usage log: uses reported through the API and with the result-ready decision, and
 * the alert for a use without an approval reference in the sync monitor and the log.
 */
class SealUseApiTest {

    @RegisterExtension
    static final TestCentral central = TestCentral.perClass();
    private static ApiClient reviewer;
    private static ApiClient admin;

    @BeforeAll
    static void logIn() {
        reviewer = central.loggedIn("reviewer");
        admin = central.loggedIn("admin");
    }

    private static Map<String, Object> use(String seal, String approvalRef) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("document", "最低生活保障准予决定书");
        body.put("seal", seal);
        if (approvalRef != null) {
            body.put("approvalRef", approvalRef);
        }
        return body;
    }

    private static List<JsonNode> sealAlerts(String seal) {
        ApiClient.Response alerts = admin.get("/api/sync/alerts");
        assertEquals(200, alerts.status(), alerts.body());
        List<JsonNode> found = new java.util.ArrayList<>();
        alerts.json().forEach(alert -> {
            if ("seal_unapproved".equals(alert.path("kind").asText()) && alert.path("message").asText().contains(seal)) {
                found.add(alert);
            }
        });
        return found;
    }

    private static JsonNode logged(String id) {
        for (JsonNode use : admin.get("/api/seal-uses").json()) {
            if (id.equals(use.path("id").asText())) {
                return use;
            }
        }
        throw new AssertionError("seal use " + id + " not in the log");
    }

    @Test
    void unapprovedSealUseAlerts() {
        String seal = "县民政局电子公章-" + UUID.randomUUID();
        try (LogCapture logs = LogCapture.attach()) {
            ApiClient.Response reported = reviewer.post("/api/seal-uses", use(seal, null));

            assertEquals(201, reported.status(), reported.body());
            String id = reported.json().path("id").asText();
            assertTrue(logs.messages().stream().anyMatch(line -> line.startsWith("ALERT unapproved seal use " + id)),
                    String.join("\n", logs.messages()));
            List<JsonNode> alerts = sealAlerts(seal);
            assertEquals(1, alerts.size(), alerts.toString());
            assertEquals("电子印章", alerts.get(0).path("name").asText());
            assertTrue(logged(id).path("approvalRef").isNull());
            assertEquals("reviewer", logged(id).path("usedBy").asText());
        }
    }

    @Test
    void approvedSealUseDoesNotAlert() {
        String seal = "县民政局电子公章-" + UUID.randomUUID();

        ApiClient.Response reported = reviewer.post("/api/seal-uses", use(seal, "SP-2026-0001"));

        assertEquals(201, reported.status(), reported.body());
        assertEquals(0, sealAlerts(seal).size());
        assertEquals("SP-2026-0001", logged(reported.json().path("id").asText()).path("approvalRef").asText());
    }

    @Test
    void resultReadyRecordsSealUse() {
        String caseNo = central.villageCase("孙八");
        assertEquals(201, reviewer.post("/api/cases/" + caseNo + "/decisions", Map.of("decision", "approve")).status());
        String seal = "县民政局电子公章-" + UUID.randomUUID();

        ApiClient.Response ready = reviewer.post("/api/cases/" + caseNo + "/decisions",
                Map.of("decision", "result_ready", "seal", use(seal, null)));

        assertEquals(201, ready.status(), ready.body());
        List<JsonNode> alerts = sealAlerts(seal);
        assertEquals(1, alerts.size(), alerts.toString());
        assertTrue(alerts.get(0).path("message").asText().contains(caseNo), alerts.toString());
        JsonNode use = null;
        for (JsonNode row : admin.get("/api/seal-uses").json()) {
            if (seal.equals(row.path("seal").asText())) {
                use = row;
            }
        }
        assertTrue(use != null, "no seal use recorded for " + seal);
        assertEquals(caseNo, use.path("caseNo").asText());
        assertEquals("result_ready", use.path("source").asText());
    }

    @Test
    void failedSealUseLeavesResultNotReady() throws Exception {
        String caseNo = central.villageCase("周九");
        assertEquals(201, reviewer.post("/api/cases/" + caseNo + "/decisions", Map.of("decision", "approve")).status());
        // A constraint that rejects one seal name makes storing that seal use fail after the
        // result-ready event has been inserted in the same transaction.
        String broken = "损坏的印章-" + UUID.randomUUID();
        try (Connection connection = central.app.database().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE sy_seal_use ADD CONSTRAINT test_rejects_broken_seal CHECK (seal <> '"
                    + broken + "')");
        }

        ApiClient.Response ready = reviewer.post("/api/cases/" + caseNo + "/decisions",
                Map.of("decision", "result_ready", "seal", use(broken, "SP-2026-0002")));

        assertEquals(500, ready.status(), ready.body());
        assertEquals("approved", reviewer.get("/api/cases/" + caseNo).json().path("status").asText());
        for (JsonNode row : admin.get("/api/seal-uses").json()) {
            assertFalse(broken.equals(row.path("seal").asText()), "seal use stored without its decision: " + row);
        }
        assertEquals(201, reviewer.post("/api/cases/" + caseNo + "/decisions",
                Map.of("decision", "result_ready")).status());
    }

    @Test
    void sealOnlyWithResultReady() {
        String caseNo = central.villageCase("周九");

        ApiClient.Response approve = reviewer.post("/api/cases/" + caseNo + "/decisions",
                Map.of("decision", "approve", "seal", use("县民政局电子公章", "SP-1")));

        assertEquals(422, approve.status(), approve.body());
        assertEquals("seal_not_allowed", approve.json().path("code").asText());
        assertEquals("intake", admin.get("/api/cases/" + caseNo).json().path("status").asText());
    }

    @Test
    void sealUseNeedsDocumentAndSeal() {
        ApiClient.Response reported = reviewer.post("/api/seal-uses", Map.of("approvalRef", "SP-2"));

        assertEquals(422, reported.status(), reported.body());
        assertEquals("invalid_seal_use", reported.json().path("code").asText());
        assertTrue(reported.json().path("details").has("document"));
        assertTrue(reported.json().path("details").has("seal"));
    }

    @Test
    void clerkCannotReportSealUse() {
        ApiClient.Response reported = central.loggedIn("clerk").post("/api/seal-uses", use("县民政局电子公章", "SP-3"));

        assertEquals(403, reported.status(), reported.body());
        assertFalse(admin.get("/api/seal-uses").body().contains("SP-3"));
    }
}
