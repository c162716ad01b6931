package cn.siyiban.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.seed.DemoAccounts;
import cn.siyiban.core.staff.PasswordHasher;
import cn.siyiban.core.staff.Role;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.staff.StaffStore;
import cn.siyiban.core.time.CountyClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Central's JSON API over HTTP, against one demo central with a running SymmetricDS engine. */
class CentralApiTest {

    @RegisterExtension
    static final TestCentral central = TestCentral.perClass();
    private static ApiClient reviewer;
    private static ApiClient admin;

    @BeforeAll
    static void setUp() {
        reviewer = central.loggedIn("reviewer");
        admin = central.loggedIn("admin");
        // A reviewer of a department that decides none of the demo cases.
        new StaffStore(central.app.database()).insert(new Staff(UUID.randomUUID().toString(), "police",
                "公安审核人员", Role.REVIEWER, null, "县公安局", PasswordHasher.hash(DemoAccounts.PASSWORD), true),
                CountyClock.system().now());
    }

    private static Map<String, Object> decision(String code, String comment) {
        return Map.of("decision", code, "comment", comment, "materials", List.of());
    }

    @Test
    void healthReportsStartedEngine() {
        ApiClient.Response response = central.client().get("/health");

        assertEquals(200, response.status());
        JsonNode health = response.json();
        assertEquals("UP", health.get("status").asText());
        assertEquals("central", health.get("role").asText());
        assertEquals("321323000000", health.get("point").asText());
        assertTrue(health.hasNonNull("version"), response.body());
        assertEquals("started", health.get("syncEngine").asText());
    }

    @Test
    void reviewerLogsIn() {
        ApiClient.Response session = reviewer.get("/api/session");

        assertEquals(200, session.status());
        assertEquals("reviewer", session.json().get("role").asText());
        assertEquals("321323000000", session.json().get("nodePoint").asText());
    }

    @Test
    void casesNeedLogin() {
        ApiClient.Response response = central.client().get("/api/cases");

        assertEquals(401, response.status());
        assertEquals("not_logged_in", response.json().get("code").asText());
    }

    @Test
    void reviewerApprovesVillageCase() {
        String caseNo = central.villageCase("张三");

        ApiClient.Response list = reviewer.get("/api/cases?status=intake");
        List<String> listed = new ArrayList<>();
        list.json().forEach(row -> listed.add(row.get("caseNo").asText()));
        ApiClient.Response approved = reviewer.post("/api/cases/" + caseNo + "/decisions",
                decision("approve", "材料齐全，同意"));
        ApiClient.Response detail = reviewer.get("/api/cases/" + caseNo);

        assertEquals(200, list.status());
        assertTrue(listed.contains(caseNo), list.body());
        assertEquals(201, approved.status(), approved.body());
        JsonNode event = approved.json();
        assertTrue(event.hasNonNull("id"), approved.body());
        assertEquals("approved", event.get("type").asText());
        assertEquals("审批通过", event.get("typeLabel").asText());
        assertTrue(event.hasNonNull("at"), approved.body());
        assertEquals(200, detail.status());
        JsonNode view = detail.json();
        assertEquals("approved", view.get("status").asText());
        assertEquals("北爱园居委会", view.get("originPointName").asText());
        assertEquals(2, view.get("events").size());
        assertEquals("材料齐全，同意", view.get("events").get(1).get("comment").asText());
        assertEquals("321323000000", view.get("events").get(1).get("point").asText());
        assertEquals(0, view.get("hashChainProblems").size(), detail.body());
    }

    @Test
    void tamperedEventShowsChainProblem() {
        String caseNo = central.villageCase("吴十");
        central.app.database().inTransaction(connection -> {
            try (var update = connection.prepareStatement("UPDATE sy_case_event SET actor = 'someone' "
                    + "WHERE case_id = (SELECT id FROM sy_case WHERE case_no = ?)")) {
                update.setString(1, caseNo);
                return update.executeUpdate();
            }
        });

        ApiClient.Response detail = reviewer.get("/api/cases/" + caseNo);

        assertEquals(200, detail.status());
        JsonNode problems = detail.json().get("hashChainProblems");
        assertEquals(1, problems.size(), detail.body());
        assertTrue(problems.get(0).asText().contains("可能被篡改"), detail.body());
    }

    @Test
    void approveTwiceConflicts() {
        String caseNo = central.villageCase("李四");

        ApiClient.Response first = reviewer.post("/api/cases/" + caseNo + "/decisions", decision("approve", ""));
        ApiClient.Response second = reviewer.post("/api/cases/" + caseNo + "/decisions", decision("approve", ""));

        assertEquals(201, first.status(), first.body());
        assertEquals(409, second.status(), second.body());
        assertEquals("decision_not_allowed", second.json().get("code").asText());
    }

    @Test
    void rejectWithoutCommentInvalid() {
        String caseNo = central.villageCase("王五");

        ApiClient.Response response = reviewer.post("/api/cases/" + caseNo + "/decisions", decision("reject", " "));

        assertEquals(422, response.status(), response.body());
        assertEquals("missing_comment", response.json().get("code").asText());
        assertEquals("comment", response.json().get("details").get("field").asText());
    }

    @Test
    void supplementRequestShowsMaterials() {
        String caseNo = central.villageCase("赵六");

        ApiClient.Response response = reviewer.post("/api/cases/" + caseNo + "/decisions",
                Map.of("decision", "request_supplement", "comment", "", "materials", List.of("收入证明")));
        JsonNode events = reviewer.get("/api/cases/" + caseNo).json().get("events");

        assertEquals(201, response.status(), response.body());
        assertEquals("收入证明", events.get(1).get("materials").get(0).asText());
    }

    @Test
    void otherDepartmentReviewerForbidden() {
        String caseNo = central.villageCase("钱七");
        ApiClient police = central.loggedIn("police");

        ApiClient.Response list = police.get("/api/cases");
        ApiClient.Response detail = police.get("/api/cases/" + caseNo);
        ApiClient.Response decision = police.post("/api/cases/" + caseNo + "/decisions", decision("approve", ""));

        assertEquals(200, list.status());
        assertEquals(0, list.json().size(), list.body());
        assertEquals(403, detail.status());
        assertEquals("forbidden", detail.json().get("code").asText());
        assertEquals(403, decision.status());
    }

    @Test
    void clerkCannotUseWorkbench() {
        ApiClient.Response response = central.loggedIn("clerk").get("/api/cases");

        assertEquals(403, response.status());
        assertEquals("forbidden", response.json().get("code").asText());
    }

    @Test
    void adminIssuesToken() {
        ApiClient.Response issued = admin.post("/api/registrations",
                Map.of("point", TestCentral.VILLAGE, "purpose", "register"));
        ApiClient.Response listed = admin.get("/api/registrations?point=" + TestCentral.VILLAGE);

        assertEquals(201, issued.status(), issued.body());
        JsonNode token = issued.json();
        assertEquals(TestCentral.VILLAGE, token.get("point").asText());
        assertEquals("北爱园居委会", token.get("pointName").asText());
        assertEquals("village", token.get("group").asText());
        assertEquals("register", token.get("purpose").asText());
        assertTrue(token.get("token").asText().matches("[2-9A-Z]{5}(-[2-9A-Z]{5}){3}"), issued.body());
        assertTrue(token.hasNonNull("expiresAt"), issued.body());
        assertEquals(200, listed.status());
        assertTrue(listed.json().size() >= 1, listed.body());
        assertFalse(listed.body().contains(token.get("token").asText()), listed.body());
        assertFalse(listed.body().contains(token.get("token").asText().replace("-", "")), listed.body());
    }

    @Test
    void reviewerCannotIssueToken() {
        ApiClient.Response response = reviewer.post("/api/registrations",
                Map.of("point", TestCentral.VILLAGE, "purpose", "register"));

        assertEquals(403, response.status());
        assertEquals("forbidden", response.json().get("code").asText());
    }

    @Test
    void issueRejectsCountyPointAndBadPurpose() {
        ApiClient.Response county = admin.post("/api/registrations",
                Map.of("point", "321323000000", "purpose", "register"));
        ApiClient.Response purpose = admin.post("/api/registrations",
                Map.of("point", TestCentral.VILLAGE, "purpose", "upgrade"));

        assertEquals(422, county.status());
        assertEquals("unknown_point", county.json().get("code").asText());
        assertEquals(422, purpose.status());
        assertEquals("invalid_purpose", purpose.json().get("code").asText());
    }

    @Test
    void registrationCheckIsPublicAndKeepsToken() {
        String point = "321323101004";
        String token = admin.post("/api/registrations", Map.of("point", point, "purpose", "register"))
                .json().get("token").asText();
        ApiClient node = central.client();

        ApiClient.Response unknownToken = node.post("/api/registrations/check",
                Map.of("point", point, "group", "village", "token", "AAAAA-BBBBB-CCCCC-DDDDD"));
        ApiClient.Response admitted = node.post("/api/registrations/check",
                Map.of("point", point, "group", "village", "token", token));
        ApiClient.Response again = node.post("/api/registrations/check",
                Map.of("point", point, "group", "village", "token", token.replace("-", "").toLowerCase()));
        ApiClient.Response unknownPoint = node.post("/api/registrations/check",
                Map.of("point", "999999999999", "group", "village", "token", token));

        assertEquals(200, unknownToken.status(), unknownToken.body());
        assertFalse(unknownToken.json().get("admitted").asBoolean());
        assertEquals("invalid_token", unknownToken.json().get("code").asText());
        assertTrue(unknownToken.json().hasNonNull("message"));
        assertEquals(200, admitted.status(), admitted.body());
        assertTrue(admitted.json().get("admitted").asBoolean(), admitted.body());
        assertNull(admitted.json().get("code"));
        assertTrue(again.json().get("admitted").asBoolean(), again.body());
        assertFalse(unknownPoint.json().get("admitted").asBoolean());
        assertEquals("unknown_point", unknownPoint.json().get("code").asText());
    }

    @Test
    void revokedTokenNotAdmitted() {
        String point = "321323101005";
        String token = admin.post("/api/registrations", Map.of("point", point, "purpose", "register"))
                .json().get("token").asText();

        ApiClient.Response revoked = admin.post("/api/registrations/revoke", Map.of("point", point));
        ApiClient.Response check = central.client().post("/api/registrations/check",
                Map.of("point", point, "group", "village", "token", token));
        JsonNode listed = admin.get("/api/registrations?point=" + point).json();

        assertEquals(200, revoked.status(), revoked.body());
        assertEquals(1, revoked.json().get("revoked").asInt());
        assertEquals("token_revoked", check.json().get("code").asText());
        assertEquals("revoked", listed.get(0).get("state").asText());
    }

    @Test
    void syncNodesListsEveryPointUnregistered() {
        ApiClient.Response response = admin.get("/api/sync/nodes");
        ApiClient.Response asReviewer = reviewer.get("/api/sync/nodes");

        assertEquals(200, response.status());
        JsonNode nodes = response.json();
        assertEquals(252, nodes.size());
        Set<String> statuses = new HashSet<>();
        int villages = 0;
        int townships = 0;
        for (JsonNode node : nodes) {
            statuses.add(node.get("status").asText());
            if (node.get("group").asText().equals("village")) {
                villages++;
            } else if (node.get("group").asText().equals("township")) {
                townships++;
            }
        }
        assertEquals(237, villages);
        assertEquals(15, townships);
        assertEquals(Set.of("unregistered"), statuses);
        assertEquals(403, asReviewer.status());
    }

    @Test
    void syncOverviewCountsStates() {
        JsonNode overview = admin.get("/api/sync/overview").json();

        assertEquals(252, overview.get("counts").get("unregistered").asInt());
        assertEquals(0, overview.get("counts").get("ok").asInt());
        assertEquals(252, overview.get("nodes").size());
        assertEquals("爱园镇", overview.get("nodes").findValues("townshipName").stream()
                .map(JsonNode::asText).filter("爱园镇"::equals).findFirst().orElse(null));
        assertTrue(overview.get("alerts").isArray());
    }

    @Test
    void syncNodeDetailOfUnregisteredPoint() {
        ApiClient.Response detail = admin.get("/api/sync/nodes/" + TestCentral.VILLAGE);
        ApiClient.Response missing = admin.get("/api/sync/nodes/999999999999");

        assertEquals(200, detail.status(), detail.body());
        assertEquals("unregistered", detail.json().get("node").get("status").asText());
        assertEquals(0, detail.json().get("batches").size());
        assertEquals(404, missing.status());
        assertEquals("point_not_found", missing.json().get("code").asText());
    }

    @Test
    void syncNodeDetailChannelFilter() {
        ApiClient.Response staff = admin.get("/api/sync/nodes/" + TestCentral.VILLAGE + "?channel=staff");
        ApiClient.Response invalid = admin.get("/api/sync/nodes/" + TestCentral.VILLAGE + "?channel=Staff%27");

        assertEquals(200, staff.status(), staff.body());
        assertEquals(0, staff.json().get("batches").size());
        assertEquals(422, invalid.status(), invalid.body());
        assertEquals("invalid_channel", invalid.json().get("code").asText());
    }

    @Test
    void syncActionsRejectUnregisteredNode() {
        String point = TestCentral.VILLAGE;
        ApiClient.Response unconfirmed = admin.post("/api/sync/nodes/" + point + "/disable", "{}");
        ApiClient.Response disable = admin.post("/api/sync/nodes/" + point + "/disable",
                Map.of("confirm", point));
        ApiClient.Response reload = admin.post("/api/sync/nodes/" + point + "/reload", "{}");
        ApiClient.Response retry = admin.post("/api/sync/nodes/" + point + "/batches/12/retry", "{}");
        ApiClient.Response asReviewer = reviewer.post("/api/sync/nodes/" + point + "/reload", "{}");

        assertEquals(400, unconfirmed.status());
        assertEquals("confirmation_required", unconfirmed.json().get("code").asText());
        assertEquals(409, disable.status());
        assertEquals("node_not_registered", disable.json().get("code").asText());
        assertEquals(409, reload.status());
        assertEquals(409, retry.status());
        assertEquals(403, asReviewer.status());
    }

    @Test
    void metricsInPrometheusFormat() {
        ApiClient.Response metrics = central.client().get("/metrics");

        assertEquals(200, metrics.status(), metrics.body());
        assertTrue(metrics.body().contains("siyiban_sync_nodes{state=\"unregistered\"} 252"), metrics.body());
    }

    @Test
    void pointsListVillagesAndTownships() {
        ApiClient.Response response = admin.get("/api/points");

        assertEquals(200, response.status());
        assertEquals(252, response.json().size());
    }
}
