package cn.siyiban.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.central.audit.AuditLog;
import cn.siyiban.core.time.CountyClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Catalogue governance at central: suspension, approved reactivation, removed proofs and minimal lists. */
class GovernanceApiTest {

    @RegisterExtension
    static final TestCentral central = TestCentral.perClass();

    private static JsonNode matter(ApiClient admin, String code) {
        JsonNode list = admin.get("/api/governance/matters").json();
        return StreamSupport.stream(list.spliterator(), false)
                .filter(item -> item.path("code").asText().equals(code)).findFirst().orElseThrow();
    }

    private static List<AuditLog.Entry> audit(String action) {
        return new AuditLog(central.app.database(), CountyClock.system()).latest(null, 100).stream()
                .filter(entry -> entry.action().equals(action)).toList();
    }

    @Test
    void suspendThenReactivateWithApproval() {
        ApiClient admin = central.loggedIn("admin");

        ApiClient.Response suspended = admin.post("/api/governance/matters/SYM-027/suspend",
                Map.of("reason", "三年无办件，经主任办公会决定暂停"));
        assertEquals(200, suspended.status(), suspended.body());
        assertTrue(matter(admin, "SYM-027").path("suspended").asBoolean());
        assertEquals("admin", matter(admin, "SYM-027").path("status").path("decidedBy").asText());
        JsonNode hits = admin.get("/api/map/matters?q=SYM-027").json();
        assertEquals(0, hits.size(), hits.toString());

        ApiClient.Response reactivated = admin.post("/api/governance/matters/SYM-027/reactivate",
                Map.of("reason", "镇里反映仍有需求，经分管领导批准恢复"));
        assertEquals(200, reactivated.status(), reactivated.body());
        assertFalse(matter(admin, "SYM-027").path("suspended").asBoolean());
        assertEquals(2, admin.get("/api/governance/matters/SYM-027/history").json().size());
        assertTrue(audit("matter_suspend").stream().anyMatch(e -> "SYM-027".equals(e.target())));
        List<AuditLog.Entry> approvals = audit("matter_reactivate");
        assertEquals(1, approvals.size());
        assertEquals("admin", approvals.get(0).actor());
        assertTrue(approvals.get(0).detail().contains("经分管领导批准恢复"), approvals.get(0).detail());
    }

    @Test
    void reactivationWithoutReasonRejected() {
        ApiClient admin = central.loggedIn("admin");
        assertEquals(200, admin.post("/api/governance/matters/SYM-036/suspend", Map.of("reason", "暂停测试")).status());

        ApiClient.Response blank = admin.post("/api/governance/matters/SYM-036/reactivate", Map.of("reason", "  "));
        ApiClient.Response missing = admin.post("/api/governance/matters/SYM-036/reactivate", Map.of());

        assertEquals(422, blank.status(), blank.body());
        assertEquals("missing_reason", blank.json().path("code").asText());
        assertEquals("missing_reason", missing.json().path("code").asText());
        assertTrue(matter(admin, "SYM-036").path("suspended").asBoolean());
    }

    @Test
    void suspensionNeedsReasonAndAdmin() {
        ApiClient.Response noReason = central.loggedIn("admin").post("/api/governance/matters/SYM-040/suspend",
                Map.of("reason", ""));
        assertEquals("missing_reason", noReason.json().path("code").asText());

        ApiClient.Response reviewer = central.loggedIn("reviewer").post("/api/governance/matters/SYM-040/suspend",
                Map.of("reason", "不应允许"));
        assertEquals(403, reviewer.status(), reviewer.body());
    }

    @Test
    void reactivatingActiveMatterRejected() {
        ApiClient.Response response = central.loggedIn("admin").post("/api/governance/matters/SYM-018/reactivate",
                Map.of("reason", "无需恢复"));

        assertEquals(409, response.status(), response.body());
        assertEquals("matter_not_suspended", response.json().path("code").asText());
    }

    @Test
    void freshCatalogueHasNoIdleMatters() {
        JsonNode list = central.loggedIn("admin").get("/api/governance/matters").json();

        assertEquals(58, list.size());
        assertTrue(StreamSupport.stream(list.spliterator(), false).noneMatch(item -> item.path("idle").asBoolean()));
    }

    @Test
    void cancelledProofAddedAndDeleted() {
        ApiClient admin = central.loggedIn("admin");

        ApiClient.Response added = admin.post("/api/governance/cancelled-proofs",
                Map.of("name", "无犯罪记录证明", "matterCode", "SYM-023", "basis", "县政府清理证明事项通知"));
        assertEquals(201, added.status(), added.body());
        String id = added.json().path("id").asText();
        assertTrue(admin.get("/api/governance/cancelled-proofs").body().contains("无犯罪记录证明"));
        assertEquals(1, audit("cancelled_proof_add").size());

        assertEquals(204, admin.delete("/api/governance/cancelled-proofs/" + id).status());
        assertFalse(admin.get("/api/governance/cancelled-proofs").body().contains("无犯罪记录证明"));
        assertEquals(404, admin.delete("/api/governance/cancelled-proofs/" + id).status());
    }

    @Test
    void proofForUnknownMatterRejected() {
        ApiClient.Response response = central.loggedIn("admin").post("/api/governance/cancelled-proofs",
                Map.of("name", "某证明", "matterCode", "SYM-999"));

        assertEquals(404, response.status(), response.body());
    }

    @Test
    void minimalListsSaved() {
        ApiClient admin = central.loggedIn("admin");

        ApiClient.Response saved = admin.put("/api/governance/matters/SYM-013/minimal",
                Map.of("materials", List.of("身份证", " ", "失业人员登记表"), "steps", List.of("受理", "办结")));
        assertEquals(200, saved.status(), saved.body());

        JsonNode read = admin.get("/api/governance/matters/SYM-013/minimal").json();
        assertEquals(2, read.path("materials").size());
        assertEquals("失业人员登记表", read.path("materials").get(1).asText());
        assertEquals("办结", read.path("steps").get(1).asText());
    }
}
