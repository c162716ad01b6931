package cn.siyiban.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.staff.PasswordHasher;
import cn.siyiban.core.staff.Role;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.staff.StaffStore;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.seed.DemoAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IntakeApiTest {

    /** A name with 𠮷 (U+20BB7) and 𬌗 (U+2C317), both outside the Basic Multilingual Plane. */
    static final String RARE_NAME = "𠮷𬌗明";

    @RegisterExtension
    static final TestNode node = TestNode.perClass();
    private static ApiClient clerk;

    @BeforeAll
    static void logIn() {
        clerk = node.client();
        clerk.login("clerk", DemoAccounts.PASSWORD);
    }

    /** An intake of 最低生活保障申请 with 收入证明 missing (容缺) and 诊断证明 replaced by a commitment. */
    static Map<String, Object> subsistenceIntake(String name, String idNumber, String requestKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("matterCode", "SYM-023");
        body.put("applicant", Map.of("name", name, "idType", "resident_id", "idNumber", idNumber,
                "phone", "13905271234", "address", "泗阳县爱园镇北爱园居委会"));
        body.put("materials", List.of(
                Map.of("materialId", "SYM-023-M01", "status", "received"),
                Map.of("materialId", "SYM-023-M02", "status", "received"),
                Map.of("materialId", "SYM-023-M03", "status", "missing"),
                Map.of("materialId", "SYM-023-M04", "status", "missing"),
                Map.of("materialId", "SYM-023-M05", "status", "committed"),
                Map.of("materialId", "SYM-023-M06", "status", "received")));
        body.put("proxy", false);
        body.put("requestKey", requestKey);
        return body;
    }

    @Test
    void searchFindsMatterWithMaterials() {
        ApiClient.Response response = clerk.get("/api/matters?q=" + URLEncoder.encode("最低生活保障", StandardCharsets.UTF_8));

        assertEquals(200, response.status());
        JsonNode matter = response.json().get(0);
        assertEquals("SYM-023", matter.get("code").asText());
        assertEquals("最低生活保障申请", matter.get("name").asText());
        assertEquals("promised", matter.get("timeClass").asText());
        assertEquals("承诺件", matter.get("timeClassLabel").asText());
        assertEquals(25, matter.get("promisedDays").asInt());
        JsonNode income = matter.get("materials").get(3);
        assertEquals("SYM-023-M04", income.get("id").asText());
        assertTrue(income.get("required").asBoolean());
        assertEquals(false, income.get("key").asBoolean());
        assertTrue(income.get("commitmentAllowed").asBoolean());
    }

    @Test
    void intakeKeepsRareNameExactly() {
        String id = TestNode.residentId("32132319800101123");
        ApiClient.Response created = clerk.post("/api/cases", subsistenceIntake(RARE_NAME, id, UUID.randomUUID().toString()));

        assertEquals(201, created.status(), created.body());
        String caseNo = created.json().get("caseNo").asText();
        assertTrue(caseNo.matches("321323101001-\\d{8}-\\d{4}"), caseNo);
        assertEquals("intake", created.json().get("status").asText());
        JsonNode detail = clerk.get("/api/cases/" + caseNo).json();
        assertEquals(RARE_NAME, detail.get("applicant").get("name").asText());
        assertEquals(List.of(0x20BB7, 0x2C317, (int) '明'),
                detail.get("applicant").get("name").asText().codePoints().boxed().toList());
        assertEquals(id, detail.get("applicant").get("idNumber").asText());
        assertEquals("已受理", detail.get("statusLabel").asText());
        assertEquals(1, detail.get("catalogueVersion").asInt());
        assertTrue(detail.get("dueAt").asText().endsWith("T23:59:59"), detail.get("dueAt").asText());
        assertEquals("missing", detail.get("materials").get(3).get("status").asText());
        assertEquals("committed", detail.get("materials").get(4).get("status").asText());
        JsonNode event = detail.get("events").get(0);
        assertEquals("intake", event.get("type").asText());
        assertEquals("受理", event.get("typeLabel").asText());
        assertEquals("321323101001", event.get("point").asText());
        assertEquals("clerk", event.get("actor").asText());
        assertTrue(event.hasNonNull("at"));
    }

    @Test
    void repeatedRequestKeyCreatesOneCase() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = subsistenceIntake("张三", TestNode.residentId("32132319900315002"), key);

        ApiClient.Response first = clerk.post("/api/cases", body);
        ApiClient.Response second = clerk.post("/api/cases", body);

        assertEquals(201, first.status(), first.body());
        assertEquals(200, second.status(), second.body());
        assertEquals(first.json().get("caseNo").asText(), second.json().get("caseNo").asText());
        assertEquals(first.json().get("id").asText(), second.json().get("id").asText());
        JsonNode list = clerk.get("/api/cases?q=" + URLEncoder.encode("张三", StandardCharsets.UTF_8)).json();
        assertEquals(1, list.size());
    }

    @Test
    void badCheckDigitIs422() {
        String valid = TestNode.residentId("32132319800101123");
        char wrong = valid.charAt(17) == '1' ? '2' : '1';
        ApiClient.Response response = clerk.post("/api/cases",
                subsistenceIntake("李四", valid.substring(0, 17) + wrong, UUID.randomUUID().toString()));

        assertEquals(422, response.status());
        assertEquals("invalid_id_number", response.json().get("code").asText());
        assertEquals("applicant.idNumber", response.json().get("details").get("field").asText());
        assertTrue(response.json().get("message").asText().contains("校验位"));
    }

    @Test
    void missingKeyMaterialIs422() {
        Map<String, Object> body = subsistenceIntake("王五", TestNode.residentId("32132319800101123"),
                UUID.randomUUID().toString());
        body.put("materials", List.of(Map.of("materialId", "SYM-023-M01", "status", "missing")));

        ApiClient.Response response = clerk.post("/api/cases", body);

        assertEquals(422, response.status());
        assertEquals("key_material_missing", response.json().get("code").asText());
        assertEquals("SYM-023-M01", response.json().get("details").get("materialId").asText());
    }

    @Test
    void unknownFieldIs400() {
        Map<String, Object> body = subsistenceIntake("赵六", TestNode.residentId("32132319800101123"), null);
        body.put("colour", "red");

        ApiClient.Response response = clerk.post("/api/cases", body);

        assertEquals(400, response.status());
        assertEquals("invalid_json", response.json().get("code").asText());
        assertTrue(response.json().get("message").asText().contains("colour"));
    }

    @Test
    void malformedAndWrongTypesAre400() {
        ApiClient.Response broken = clerk.post("/api/cases", "{\"matterCode\": ");
        ApiClient.Response wrongType = clerk.post("/api/cases", "{\"matterCode\":\"SYM-023\",\"materials\":\"all\"}");

        assertEquals(400, broken.status());
        assertEquals("invalid_json", broken.json().get("code").asText());
        assertEquals(400, wrongType.status());
        assertEquals("materials", wrongType.json().get("details").get("field").asText());
    }

    @Test
    void hugeBodyIs413() {
        ApiClient.Response response = clerk.post("/api/cases", "{\"matterCode\":\"" + "x".repeat(400_000) + "\"}");

        assertEquals(413, response.status());
        assertEquals("request_too_large", response.json().get("code").asText());
    }

    @Test
    void deliveryBeforeResultIs409() {
        ApiClient.Response created = clerk.post("/api/cases", subsistenceIntake("钱七",
                TestNode.residentId("32132319700220001"), UUID.randomUUID().toString()));

        ApiClient.Response response = clerk.post("/api/cases/" + created.json().get("caseNo").asText() + "/delivery", "{}");

        assertEquals(409, response.status());
        assertEquals("result_not_ready", response.json().get("code").asText());
    }

    @Test
    void otherPointsClerkIsForbidden() {
        ApiClient.Response created = clerk.post("/api/cases", subsistenceIntake("孙八",
                TestNode.residentId("32132319650707003"), UUID.randomUUID().toString()));
        new StaffStore(node.app.database()).insert(new Staff(UUID.randomUUID().toString(), "neighbour", "邻村代办员",
                Role.VILLAGE_CLERK, "321323101004", null, PasswordHasher.hash("neighbour-pass"), true),
                CountyClock.system().now());
        ApiClient neighbour = node.client();
        neighbour.login("neighbour", "neighbour-pass");

        ApiClient.Response detail = neighbour.get("/api/cases/" + created.json().get("caseNo").asText());
        ApiClient.Response list = neighbour.get("/api/cases");

        assertEquals(403, detail.status());
        assertEquals("forbidden", detail.json().get("code").asText());
        assertEquals(0, list.json().size());
    }

    @Test
    void listFiltersByMatterAndDate() {
        clerk.post("/api/cases", subsistenceIntake("周九", TestNode.residentId("32132319880808004"),
                UUID.randomUUID().toString()));

        JsonNode byMatter = clerk.get("/api/cases?matter=SYM-023").json();
        JsonNode otherMatter = clerk.get("/api/cases?matter=SYM-001").json();
        ApiClient.Response badDate = clerk.get("/api/cases?from=yesterday");

        assertTrue(byMatter.size() >= 1);
        assertEquals("SYM-023", byMatter.get(0).get("matterCode").asText());
        assertEquals(0, otherMatter.size());
        assertEquals(400, badDate.status());
        assertEquals("invalid_parameter", badDate.json().get("code").asText());
    }

    @Test
    void unknownCaseIs404() {
        ApiClient.Response response = clerk.get("/api/cases/321323101001-20260101-9999");

        assertEquals(404, response.status());
        assertEquals("case_not_found", response.json().get("code").asText());
    }
}
