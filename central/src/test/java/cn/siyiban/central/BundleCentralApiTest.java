package cn.siyiban.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.applicant.ResidentIdNumber;
import cn.siyiban.core.bundles.BundleIntakeRequest;
import cn.siyiban.core.bundles.BundleIntakeService;
import cn.siyiban.core.bundles.BundleStore;
import cn.siyiban.core.bundles.BundleSubmissionStore;
import cn.siyiban.core.calendar.CalendarStore;
import cn.siyiban.core.cases.CaseEventType;
import cn.siyiban.core.cases.CaseHistory;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.cases.IntakeRequest;
import cn.siyiban.core.cases.IntakeService;
import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.staff.StaffStore;
import cn.siyiban.core.time.CountyClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bundle (一件事) management, bundle status and the monthly bundle share at central. */
class BundleCentralApiTest {

    @RegisterExtension
    static final TestCentral central = TestCentral.perClass();
    private static ApiClient admin;
    /** The bundle taken in during March 2026; its three cases reach central as if synced. */
    private static String marchBundleNo;

    @BeforeAll
    static void setUp() {
        admin = central.loggedIn("admin");
        // March 2026: one BND-001 bundle (3 cases) and 2 single cases, so 3 of 5 cases came through a bundle.
        marchBundleNo = takeInBundle(LocalDateTime.of(2026, 3, 10, 9, 0));
        takeInSingle(LocalDateTime.of(2026, 3, 11, 9, 0));
        takeInSingle(LocalDateTime.of(2026, 3, 12, 9, 0));
        // April 2026: one single case and no bundle.
        takeInSingle(LocalDateTime.of(2026, 4, 2, 9, 0));
    }

    private static CountyClock at(LocalDateTime time) {
        return new CountyClock(Clock.fixed(time.atZone(CountyClock.ZONE).toInstant(), CountyClock.ZONE));
    }

    private static IntakeRequest.ApplicantInput applicant() {
        String first17 = "32132319850505123";
        return new IntakeRequest.ApplicantInput("吴八", "resident_id", first17 + ResidentIdNumber.checkCharacter(first17),
                "13905271234", "泗阳县爱园镇");
    }

    private static Staff clerk() {
        return new StaffStore(central.app.database()).findByUsername("clerk").orElseThrow();
    }

    private static IntakeService intake(LocalDateTime time) {
        Database database = central.app.database();
        return new IntakeService(new CaseStore(database), new CatalogueStore(database), new CalendarStore(database),
                at(time), TestCentral.VILLAGE);
    }

    /** Takes in BND-001 at the demo village as if its node had recorded it at {@code time}. */
    private static String takeInBundle(LocalDateTime time) {
        Database database = central.app.database();
        BundleIntakeService bundles = new BundleIntakeService(intake(time), new BundleStore(database),
                new CatalogueStore(database), new BundleSubmissionStore(database), at(time));
        List<IntakeRequest.MaterialInput> materials = new ArrayList<>();
        for (String id : List.of("SYM-035-M01", "SYM-035-M02", "SYM-035-M03", "SYM-018-M01", "SYM-018-M02")) {
            materials.add(new IntakeRequest.MaterialInput(id, "received"));
        }
        return bundles.takeIn(new BundleIntakeRequest("BND-001", applicant(), materials, false, null, null), clerk())
                .submission().bundleNo();
    }

    private static void takeInSingle(LocalDateTime time) {
        IntakeRequest request = new IntakeRequest("SYM-018", applicant(), List.of(
                new IntakeRequest.MaterialInput("SYM-018-M01", "received"),
                new IntakeRequest.MaterialInput("SYM-018-M02", "received")), false, null);
        intake(time).takeIn(request, clerk());
    }

    /** BND-009 of 计划生育 matters: 结婚证 merges by name, 户口簿 and 户口本 by the shared material. */
    private static Map<String, Object> familyBundle(String name) {
        return Map.of("code", "BND-009", "name", name, "description", "测试",
                "matterCodes", List.of("SYM-042", "SYM-043"),
                "sharedMaterials", List.of(Map.of("name", "户口簿", "materialIds", List.of("SYM-042-M02", "SYM-043-M01"))));
    }

    private static int auditEntries(String action, String target) {
        return central.app.database().query(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) FROM sy_audit_log WHERE action = ? AND target = ?")) {
                select.setString(1, action);
                select.setString(2, target);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }

    @Test
    void reviewerCannotManageBundles() {
        ApiClient reviewer = central.loggedIn("reviewer");

        assertEquals(403, reviewer.get("/api/catalogue/bundles").status());
        assertEquals(403, reviewer.post("/api/catalogue/bundles", familyBundle("不应保存")).status());
        assertEquals(403, reviewer.get("/api/reports/bundles?month=2026-03").status());
    }

    @Test
    void adminManagesBundleWithAudit() {
        JsonNode materials = admin.get("/api/catalogue/matters/SYM-042").json().get("materials");
        assertEquals("户口簿", materials.get(1).get("name").asText(), materials.toString());

        ApiClient.Response created = admin.post("/api/catalogue/bundles", familyBundle("计划生育扶助金申领"));
        assertEquals(201, created.status(), created.body());
        JsonNode merged = created.json().get("mergedMaterials");
        List<String> names = new ArrayList<>();
        merged.forEach(line -> names.add(line.get("name").asText()));
        assertEquals(1, names.stream().filter("结婚证"::equals).count(), names.toString());
        assertEquals(1, names.stream().filter("户口簿"::equals).count(), names.toString());
        assertFalse(names.contains("户口本"), names.toString());
        assertEquals(1, auditEntries("bundle_create", "BND-009"));

        assertEquals(409, admin.post("/api/catalogue/bundles", familyBundle("重复")).status());
        ApiClient.Response edited = admin.put("/api/catalogue/bundles/BND-009", familyBundle("计划生育家庭扶助金申领"));
        assertEquals(200, edited.status(), edited.body());
        assertEquals("计划生育家庭扶助金申领", admin.get("/api/catalogue/bundles/BND-009").json()
                .get("bundle").get("name").asText());
        assertEquals(1, auditEntries("bundle_update", "BND-009"));

        ApiClient.Response retired = admin.post("/api/catalogue/bundles/BND-009/retire", Map.of());
        assertEquals(200, retired.status(), retired.body());
        assertTrue(retired.json().get("bundle").get("retired").asBoolean());
        assertEquals(409, admin.post("/api/catalogue/bundles/BND-009/retire", Map.of()).status());
        assertEquals(1, auditEntries("bundle_retire", "BND-009"));
    }

    @Test
    void invalidBundleIsRejected() {
        Map<String, Object> oneMatter = Map.of("code", "BND-010", "name", "只有一个事项",
                "matterCodes", List.of("SYM-042"), "sharedMaterials", List.of());
        Map<String, Object> foreignMaterial = Map.of("code", "BND-011", "name", "共用材料不属于这些事项",
                "matterCodes", List.of("SYM-042", "SYM-043"),
                "sharedMaterials", List.of(Map.of("name", "身份证", "materialIds", List.of("SYM-042-M01", "SYM-001-M01"))));

        ApiClient.Response single = admin.post("/api/catalogue/bundles", oneMatter);
        ApiClient.Response foreign = admin.post("/api/catalogue/bundles", foreignMaterial);

        assertEquals(422, single.status(), single.body());
        assertEquals("invalid_bundle_matters", single.json().get("code").asText());
        assertEquals(422, foreign.status(), foreign.body());
        assertEquals("invalid_shared_material", foreign.json().get("code").asText());
        assertEquals(404, admin.get("/api/catalogue/bundles/BND-011").status());
    }

    @Test
    void bundleReplicatesToEveryNode() {
        List<String> routers = central.app.database().query(connection -> {
            List<String> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT r.target_node_group_id "
                    + "FROM sym_trigger_router tr JOIN sym_router r ON r.router_id = tr.router_id "
                    + "JOIN sym_trigger t ON t.trigger_id = tr.trigger_id "
                    + "WHERE t.source_table_name = 'sy_bundle' ORDER BY r.target_node_group_id");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(row.getString(1));
                }
            }
            return found;
        });

        assertEquals(List.of("township", "village"), routers);
    }

    @Test
    void monthlyShareCountsBundleCases() {
        JsonNode march = admin.get("/api/reports/bundles?month=2026-03").json();
        JsonNode april = admin.get("/api/reports/bundles?month=2026-04").json();

        assertEquals(5, march.get("total").get("cases").asInt(), march.toString());
        assertEquals(3, march.get("total").get("bundleCases").asInt());
        assertEquals(0.6, march.get("total").get("share").asDouble());
        assertTrue(march.get("targetMet").asBoolean());
        assertEquals(1, march.get("submissions").asInt());
        assertEquals("BND-001", march.get("bundles").get(0).get("bundleCode").asText());
        assertEquals(3, march.get("bundles").get(0).get("cases").asInt());
        assertEquals(0.0, april.get("total").get("share").asDouble(), april.toString());
        assertFalse(april.get("targetMet").asBoolean());
        assertEquals(12, april.get("trend").size());
        assertEquals("2026-03", april.get("trend").get(10).get("month").asText());
        assertEquals(0.6, april.get("trend").get(10).get("share").asDouble());
        assertEquals(400, admin.get("/api/reports/bundles?month=三月").status());
    }

    @Test
    void bundleDoneOnlyWhenAllCasesDone() {
        JsonNode bundle = admin.get("/api/bundle-submissions/" + marchBundleNo).json();
        assertEquals("in_progress", bundle.get("status").asText(), bundle.toString());
        List<String> caseNos = new ArrayList<>();
        bundle.get("cases").forEach(c -> caseNos.add(c.get("caseNo").asText()));
        assertEquals(3, caseNos.size());

        CaseHistory history = new CaseHistory(new CaseStore(central.app.database()), CountyClock.system(),
                CentralApp.COUNTY_POINT);
        history.append(caseNos.get(0), CaseEventType.CLOSED, "admin", null);
        history.append(caseNos.get(1), CaseEventType.CLOSED, "admin", null);
        JsonNode twoDone = admin.get("/api/cases/" + caseNos.get(0) + "/bundle").json().get("bundle");
        assertEquals("in_progress", twoDone.get("status").asText(), twoDone.toString());
        assertEquals(2, twoDone.get("casesFinished").asInt());

        history.append(caseNos.get(2), CaseEventType.CLOSED, "admin", null);
        JsonNode allDone = admin.get("/api/cases/" + caseNos.get(2) + "/bundle").json().get("bundle");
        assertEquals("done", allDone.get("status").asText(), allDone.toString());
        assertEquals("已办结", allDone.get("statusLabel").asText());
    }
}
