package cn.siyiban.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The county admin's console API: catalogue management with the import preview, staff
 * accounts, the network registry and the node status rows on the sync monitor.
 */
class CountyConsoleApiTest {

    private static final String CSV_HEADER =
            "code,name,category,department,time_class,legal_days,promised_days,proxy_allowed,materials,source\n";
    /** 北爱园居委会 and its township 爱园镇. */
    private static final String VILLAGE = "321323101001";
    private static final String TOWNSHIP = "321323101000";

    @RegisterExtension
    static final TestCentral central = TestCentral.perClass();
    private static ApiClient admin;

    @BeforeAll
    static void logIn() {
        admin = central.loggedIn("admin");
    }

    private static Map<String, Object> material(String name, boolean required, boolean key, boolean commitment) {
        return Map.of("name", name, "required", required, "key", key, "commitmentAllowed", commitment);
    }

    private static Map<String, Object> matter(String code, String name, List<Map<String, Object>> materials) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("category", "测试");
        body.put("department", "县民政局");
        body.put("timeClass", "promised");
        body.put("legalDays", 10);
        body.put("promisedDays", 5);
        body.put("proxyAllowed", true);
        body.put("materials", materials);
        body.put("source", "county console test");
        return body;
    }

    private static int version() {
        return admin.get("/api/catalogue/version").json().path("version").asInt();
    }

    @Test
    void matterCreatePublishesNewVersion() {
        int before = version();

        ApiClient.Response created = admin.post("/api/catalogue/matters", matter("CC-001", "控制台新增事项",
                List.of(material("身份证", true, true, false), material("收入证明", true, false, true),
                        material("照片", false, false, false))));

        assertEquals(201, created.status(), created.body());
        assertEquals(before + 1, created.json().path("version").asInt());
        assertEquals(before + 1, version());
        JsonNode matter = admin.get("/api/catalogue/matters/CC-001").json();
        assertEquals("控制台新增事项", matter.path("name").asText());
        JsonNode materials = matter.path("materials");
        assertEquals(3, materials.size());
        assertEquals("CC-001-M02", materials.get(1).path("id").asText());
        assertEquals("收入证明", materials.get(1).path("name").asText());
        assertFalse(materials.get(1).path("key").asBoolean());
        assertTrue(materials.get(1).path("commitmentAllowed").asBoolean());
        assertFalse(materials.get(2).path("required").asBoolean());
    }

    @Test
    void matterCreateRejectsBadFields() {
        Map<String, Object> body = matter("bad code!", "", List.of(material("", true, true, false)));
        body.put("promisedDays", 20);

        ApiClient.Response response = admin.post("/api/catalogue/matters", body);

        assertEquals(422, response.status(), response.body());
        assertEquals("invalid_matter", response.json().path("code").asText());
        JsonNode details = response.json().path("details");
        assertTrue(details.has("code"), response.body());
        assertTrue(details.has("name"), response.body());
        assertTrue(details.has("promisedDays"), response.body());
        assertTrue(details.has("materials[0]"), response.body());
    }

    @Test
    void matterCreateRejectsTakenCode() {
        ApiClient.Response response = admin.post("/api/catalogue/matters",
                matter("SYM-023", "重复编码", List.of(material("身份证", true, true, false))));

        assertEquals(409, response.status(), response.body());
        assertEquals("matter_exists", response.json().path("code").asText());
    }

    @Test
    void matterEditRetireAndRestore() {
        admin.post("/api/catalogue/matters", matter("CC-002", "待修改事项", List.of(material("身份证", true, true, false))));
        int before = version();

        ApiClient.Response edited = admin.put("/api/catalogue/matters/CC-002", matter("CC-002", "已修改事项",
                List.of(material("户口簿", true, true, false), material("身份证", true, true, false))));
        assertEquals(200, edited.status(), edited.body());
        assertEquals(before + 1, edited.json().path("version").asInt());
        JsonNode changed = edited.json().path("diff").path("changed");
        assertEquals(1, changed.size(), edited.body());
        assertTrue(changed.get(0).path("fields").toString().contains("材料清单"), edited.body());
        assertEquals("户口簿", admin.get("/api/catalogue/matters/CC-002").json()
                .path("materials").get(0).path("name").asText());

        ApiClient.Response retired = admin.post("/api/catalogue/matters/CC-002/retire", Map.of());
        assertEquals(200, retired.status(), retired.body());
        assertEquals(before + 2, retired.json().path("version").asInt());
        assertFalse(admin.get("/api/catalogue/matters?q=CC-002").body().contains("CC-002"));
        assertTrue(admin.get("/api/catalogue/matters?q=CC-002&retired=true").body().contains("CC-002"));
        assertEquals(409, admin.post("/api/catalogue/matters/CC-002/retire", Map.of()).status());

        ApiClient.Response restored = admin.put("/api/catalogue/matters/CC-002", matter("CC-002", "已修改事项",
                List.of(material("户口簿", true, true, false), material("身份证", true, true, false))));
        assertEquals(200, restored.status(), restored.body());
        assertEquals(1, restored.json().path("diff").path("added").size(), restored.body());
        assertTrue(admin.get("/api/catalogue/matters?q=CC-002").body().contains("CC-002"));
    }

    @Test
    void matterEditWithoutChangeKeepsVersion() {
        admin.post("/api/catalogue/matters", matter("CC-003", "不变事项", List.of(material("身份证", true, true, false))));
        int before = version();

        ApiClient.Response same = admin.put("/api/catalogue/matters/CC-003", matter("CC-003", "不变事项",
                List.of(material("身份证", true, true, false))));

        assertEquals(200, same.status(), same.body());
        assertFalse(same.json().path("published").asBoolean());
        assertEquals(before, version());
    }

    @Test
    void importPreviewListsChangesAndPublishesNothing() {
        admin.post("/api/catalogue/matters", matter("CC-004", "预览前事项", List.of(material("身份证", true, true, false))));
        int before = version();
        String csv = CSV_HEADER
                + "CC-004,预览后改名,测试,县民政局,promised,10,5,true,身份证,preview\n"
                + "CC-005,预览新增事项,测试,县民政局,promised,10,5,true,身份证;申请书[可容缺],preview\n";

        ApiClient.Response preview = admin.post("/api/catalogue/import/preview?mode=merge", csv);

        assertEquals(200, preview.status(), preview.body());
        JsonNode diff = preview.json().path("diff");
        assertEquals(1, diff.path("added").size(), preview.body());
        assertEquals("CC-005", diff.path("added").get(0).path("code").asText());
        assertEquals(1, diff.path("changed").size(), preview.body());
        assertEquals("CC-004", diff.path("changed").get(0).path("code").asText());
        assertEquals(0, diff.path("retired").size(), preview.body());
        assertEquals(before, version());

        ApiClient.Response replacePreview = admin.post("/api/catalogue/import/preview?mode=replace", csv);
        assertTrue(replacePreview.json().path("diff").path("retired").size() > 50, replacePreview.body());
        assertEquals(before, version());

        ApiClient.Response imported = admin.post("/api/catalogue/import?mode=merge", csv);
        assertEquals(201, imported.status(), imported.body());
        assertEquals(before + 1, version());
        assertEquals("预览后改名", admin.get("/api/catalogue/matters/CC-004").json().path("name").asText());
    }

    @Test
    void importPreviewShowsOldAndNewValues() {
        admin.post("/api/catalogue/matters", matter("CC-007", "改前名称", List.of(material("身份证", true, true, false))));
        int before = version();
        String csv = CSV_HEADER + "CC-007,改后名称,测试,县民政局,promised,10,3,false,"
                + "身份证;收入证明[可容缺][可承诺],county console test\n";

        ApiClient.Response preview = admin.post("/api/catalogue/import/preview?mode=merge", csv);

        assertEquals(200, preview.status(), preview.body());
        JsonNode changed = preview.json().path("diff").path("changed");
        assertEquals(1, changed.size(), preview.body());
        JsonNode changes = changed.get(0).path("changes");
        List<List<String>> expected = List.of(
                List.of("事项名称", "改前名称", "改后名称"),
                List.of("承诺时限", "5", "3"),
                List.of("是否可代办", "是", "否"),
                List.of("材料清单", "身份证", "身份证;收入证明[可容缺][可承诺]"));
        assertEquals(expected.size(), changes.size(), changes.toString());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).get(0), changes.get(i).path("field").asText(), changes.toString());
            assertEquals(expected.get(i).get(1), changes.get(i).path("before").asText(), changes.toString());
            assertEquals(expected.get(i).get(2), changes.get(i).path("after").asText(), changes.toString());
        }
        assertEquals(before, version(), "the preview publishes nothing");

        ApiClient.Response imported = admin.post("/api/catalogue/import?mode=merge", csv);

        assertEquals(201, imported.status(), imported.body());
        assertEquals(before + 1, version());
        JsonNode matter = admin.get("/api/catalogue/matters/CC-007").json();
        assertEquals("改后名称", matter.path("name").asText());
        assertEquals(3, matter.path("promisedDays").asInt());
        assertEquals(2, matter.path("materials").size(), matter.toString());
    }

    @Test
    void catalogueVersionsListNewestFirst() {
        admin.post("/api/catalogue/matters", matter("CC-006", "版本列表事项", List.of(material("身份证", true, true, false))));

        JsonNode versions = admin.get("/api/catalogue/versions").json();

        assertTrue(versions.size() >= 2, versions.toString());
        assertTrue(versions.get(0).path("version").asInt() > versions.get(1).path("version").asInt());
        assertEquals("admin", versions.get(0).path("publishedBy").asText());
    }

    private static Map<String, Object> account(String username, String role, String point, String department) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("username", username);
        body.put("displayName", "测试" + username);
        body.put("role", role);
        body.put("pointCode", point);
        body.put("department", department);
        body.put("password", "temporary-pass-1");
        return body;
    }

    @Test
    void staffCreateLoginAndDisable() {
        ApiClient.Response created = admin.post("/api/staff", account("cc.clerk", "village_clerk", VILLAGE, null));
        assertEquals(201, created.status(), created.body());
        assertEquals("北爱园居委会", created.json().path("pointName").asText());
        assertFalse(created.body().contains("passwordHash"), created.body());

        ApiClient clerk = central.client();
        assertEquals(200, clerk.login("cc.clerk", "temporary-pass-1").status());

        ApiClient.Response disabled = admin.post("/api/staff/cc.clerk/disable", Map.of());
        assertEquals(200, disabled.status(), disabled.body());
        assertFalse(disabled.json().path("enabled").asBoolean());
        assertEquals(401, clerk.get("/api/session").status());
        assertEquals(401, central.client().login("cc.clerk", "temporary-pass-1").status());

        assertEquals(200, admin.post("/api/staff/cc.clerk/enable", Map.of()).status());
        assertEquals(200, central.client().login("cc.clerk", "temporary-pass-1").status());
    }

    @Test
    void staffPasswordResetReplacesOldPassword() {
        admin.post("/api/staff", account("cc.reset", "township_clerk", TOWNSHIP, null));

        ApiClient.Response reset = admin.post("/api/staff/cc.reset/password", Map.of("password", "another-temp-2"));

        assertEquals(200, reset.status(), reset.body());
        assertEquals(401, central.client().login("cc.reset", "temporary-pass-1").status());
        assertEquals(200, central.client().login("cc.reset", "another-temp-2").status());
        assertEquals(422, admin.post("/api/staff/cc.reset/password", Map.of("password", "short")).status());
        String audit = admin.get("/api/audit").body();
        assertTrue(audit.contains("staff_password_reset"), audit);
        assertFalse(audit.contains("another-temp-2"), audit);
    }

    @Test
    void staffCreateChecksRolePointAndDepartment() {
        List<Map<String, Object>> bad = new ArrayList<>();
        bad.add(account("cc.wrong1", "village_clerk", TOWNSHIP, null));
        bad.add(account("cc.wrong2", "township_clerk", null, null));
        bad.add(account("cc.wrong3", "reviewer", null, "不存在的部门"));
        bad.add(account("cc.wrong4", "county_admin", VILLAGE, null));
        bad.add(account("cc.wrong5", "nobody", VILLAGE, null));
        bad.add(account("X", "technician", VILLAGE, null));
        for (Map<String, Object> body : bad) {
            ApiClient.Response response = admin.post("/api/staff", body);
            assertEquals(422, response.status(), body + " -> " + response.body());
            assertEquals("invalid_staff", response.json().path("code").asText(), response.body());
        }

        ApiClient.Response reviewer = admin.post("/api/staff", account("cc.reviewer", "reviewer", null, "县民政局"));
        assertEquals(201, reviewer.status(), reviewer.body());
        ApiClient.Response taken = admin.post("/api/staff", account("cc.reviewer", "reviewer", null, "县民政局"));
        assertEquals(409, taken.status(), taken.body());
    }

    @Test
    void staffEditKeepsRoleAndPoint() {
        admin.post("/api/staff", account("cc.edit", "technician", VILLAGE, null));
        Map<String, Object> moved = account("cc.edit", "technician", TOWNSHIP, null);

        ApiClient.Response rejected = admin.put("/api/staff/cc.edit", moved);
        assertEquals(422, rejected.status(), rejected.body());
        assertTrue(rejected.json().path("details").has("pointCode"), rejected.body());

        Map<String, Object> renamed = account("cc.edit", "technician", VILLAGE, null);
        renamed.put("displayName", "改名后的技术员");
        ApiClient.Response edited = admin.put("/api/staff/cc.edit", renamed);
        assertEquals(200, edited.status(), edited.body());
        assertEquals("改名后的技术员", edited.json().path("displayName").asText());
    }

    @Test
    void staffAdminCannotDisableSelf() {
        ApiClient.Response response = admin.post("/api/staff/admin/disable", Map.of());

        assertEquals(409, response.status(), response.body());
    }

    @Test
    void consoleRejectsReviewer() {
        ApiClient reviewer = central.loggedIn("reviewer");

        assertEquals(403, reviewer.get("/api/staff").status());
        assertEquals(403, reviewer.get("/api/network").status());
        assertEquals(403, reviewer.get("/api/catalogue/matters").status());
        assertEquals(403, reviewer.post("/api/catalogue/import/preview", CSV_HEADER).status());
    }

    @Test
    void networkListsEveryPointWithParent() {
        JsonNode network = admin.get("/api/network").json();

        assertTrue(network.size() > 200, "points: " + network.size());
        JsonNode county = find(network, "321323000000");
        assertEquals("central", county.path("registration").asText());
        JsonNode village = find(network, VILLAGE);
        assertEquals("village", village.path("level").asText());
        assertEquals(TOWNSHIP, village.path("parentCode").asText());
        assertEquals("爱园镇", village.path("parentName").asText());
        assertEquals("unregistered", village.path("registration").asText());
    }

    private static JsonNode find(JsonNode rows, String code) {
        for (JsonNode row : rows) {
            if (code.equals(row.path("code").asText())) {
                return row;
            }
        }
        throw new AssertionError("no point " + code + " in " + rows.size() + " rows");
    }

    @Test
    void nodeStatusRowShowsDiskAlert() {
        central.app.database().inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_node_status (point_code, "
                    + "siyiban_version, catalogue_version, free_disk_bytes, total_disk_bytes, database_bytes, reported_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, TOWNSHIP);
                insert.setString(2, "9.9.9-test");
                insert.setInt(3, 1);
                insert.setLong(4, 5L * 1024 * 1024 * 1024);
                insert.setLong(5, 100L * 1024 * 1024 * 1024);
                insert.setLong(6, 300L * 1024 * 1024);
                insert.setTimestamp(7, Timestamp.valueOf(LocalDateTime.now()));
                insert.executeUpdate();
            }
            return null;
        });

        JsonNode report = admin.get("/api/sync/nodes/" + TOWNSHIP).json().path("node").path("report");
        assertEquals("9.9.9-test", report.path("siyibanVersion").asText());
        assertEquals(1, report.path("catalogueVersion").asInt());
        assertEquals(5, report.path("freeDiskPercent").asInt());
        assertTrue(report.path("diskLow").asBoolean(), report.toString());
        JsonNode alerts = admin.get("/api/sync/alerts").json();
        boolean diskAlert = false;
        for (JsonNode alert : alerts) {
            diskAlert |= "disk_low".equals(alert.path("kind").asText()) && TOWNSHIP.equals(alert.path("point").asText());
        }
        assertTrue(diskAlert, alerts.toString());
        JsonNode villageReport = admin.get("/api/sync/nodes/" + VILLAGE).json().path("node").path("report");
        assertTrue(villageReport.isNull(), villageReport.toString());
    }
}
