package cn.siyiban.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.seed.DemoAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 容缺受理 through the node's API: the deadline rule, the missing list and supplies. */
class MissingMaterialsApiTest {

    @RegisterExtension
    static final TestNode node = TestNode.perClass();
    private static ApiClient clerk;

    @BeforeAll
    static void logIn() {
        clerk = node.client();
        clerk.login("clerk", DemoAccounts.PASSWORD);
    }

    private static Map<String, Object> intake(String supplementDue) {
        Map<String, Object> body = IntakeApiTest.subsistenceIntake("张三",
                TestNode.residentId("32132319800101123"), UUID.randomUUID().toString());
        if (supplementDue != null) {
            body.put("supplementDue", supplementDue);
        }
        return body;
    }

    @Test
    void deadlinePastPromisedTimeIsRejected() {
        ApiClient.Response response = clerk.post("/api/cases", intake("2099-01-01"));

        assertEquals(422, response.status(), response.body());
        assertEquals("deadline_too_late", response.json().path("code").asText());
        assertTrue(response.json().path("message").asText().contains("超过了事项的承诺办结时间"));
        assertEquals("supplementDue", response.json().path("details").path("field").asText());
    }

    @Test
    void caseShowsMissingUntilSupplied() {
        ApiClient.Response created = clerk.post("/api/cases", intake(null));
        assertEquals(201, created.status(), created.body());
        String caseNo = created.json().path("caseNo").asText();

        JsonNode detail = clerk.get("/api/cases/" + caseNo).json();
        assertEquals(1, detail.path("stillMissing").size(), detail.toString());
        assertEquals("SYM-023-M04", detail.path("stillMissing").get(0).path("materialId").asText());
        assertEquals(detail.path("dueAt").asText().substring(0, 10), detail.path("supplementDue").asText());
        assertFalse(detail.path("supplementOverdue").asBoolean());

        ApiClient.Response supplied = clerk.post("/api/supplements",
                Map.of("caseNo", caseNo, "materialIds", List.of("SYM-023-M04")));
        assertEquals(201, supplied.status(), supplied.body());
        assertFalse(supplied.json().path("forwarded").asBoolean());
        JsonNode after = clerk.get("/api/cases/" + caseNo).json();
        assertEquals(0, after.path("stillMissing").size(), after.toString());
        assertEquals("supplemented", after.path("status").asText());
    }

    @Test
    void supplyForOtherPointIsForwarded() {
        ApiClient.Response supplied = clerk.post("/api/supplements",
                Map.of("caseNo", "321323102001-20261204-0003", "materialIds", List.of("SYM-023-M04")));

        assertEquals(201, supplied.status(), supplied.body());
        assertTrue(supplied.json().path("forwarded").asBoolean());
        assertTrue(supplied.json().path("message").asText().contains("同步后将转交"));
    }

    @Test
    void qrCodeIsServedAsSvg() {
        ApiClient.Response code = clerk.get("/api/case-codes/321323101001-20261204-0001");
        assertEquals(200, code.status());
        assertTrue(code.body().startsWith("<svg"), code.body());
        assertEquals(422, clerk.get("/api/case-codes/not-a-number").status());
    }
}
