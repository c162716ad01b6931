package cn.siyiban.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.seed.DemoAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Intake of the shipped bundles (一件事) through the node's API, against real Derby and Jetty. */
class BundleApiTest {

    @RegisterExtension
    static final TestNode node = TestNode.perClass();
    private static ApiClient clerk;

    @BeforeAll
    static void logIn() {
        clerk = node.client();
        clerk.login("clerk", DemoAccounts.PASSWORD);
    }

    /** BND-001 (新生儿落户、医保参保和社保卡申领) with every required document received. */
    static Map<String, Object> newbornBundle(String name, String idNumber, String requestKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bundleCode", "BND-001");
        body.put("applicant", Map.of("name", name, "idType", "resident_id", "idNumber", idNumber,
                "phone", "13905271234", "address", "泗阳县爱园镇北爱园居委会"));
        body.put("materials", List.of(
                Map.of("materialId", "SYM-035-M01", "status", "received"),
                Map.of("materialId", "SYM-035-M02", "status", "received"),
                Map.of("materialId", "SYM-035-M03", "status", "received"),
                Map.of("materialId", "SYM-018-M01", "status", "received"),
                Map.of("materialId", "SYM-018-M02", "status", "received")));
        body.put("proxy", false);
        body.put("requestKey", requestKey);
        return body;
    }

    private static int count(String sql, String value) {
        return node.app.database().query(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, value);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }

    private static int casesOf(String applicantName) {
        return count("SELECT COUNT(*) FROM sy_case WHERE applicant_name = ?", applicantName);
    }

    @Test
    void formListsSharedDocumentOnce() {
        ApiClient.Response response = clerk.get("/api/bundles/BND-002");

        assertEquals(200, response.status(), response.body());
        JsonNode materials = response.json().get("materials");
        // 4 + 5 + 2 catalogue materials, and the deceased's ID card counts once for 死亡注销 and 社保卡注销.
        assertEquals(10, materials.size(), response.body());
        JsonNode shared = materials.get(2);
        assertEquals("SYM-036-M03", shared.get("id").asText());
        assertEquals("逝者居民户口簿和居民身份证", shared.get("name").asText());
        assertEquals(List.of("死亡注销(户口)", "社会保障卡注销"),
                List.of(shared.get("matterNames").get(0).asText(), shared.get("matterNames").get(1).asText()));
        assertTrue(shared.get("key").asBoolean());
        assertEquals(false, response.json().get("proxyAllowed").asBoolean());
    }

    @Test
    void listOffersShippedBundles() {
        JsonNode list = clerk.get("/api/bundles").json();

        assertEquals(2, list.size());
        assertEquals("BND-001", list.get(0).get("code").asText());
        assertEquals(3, list.get(0).get("matterNames").size());
        assertTrue(list.get(0).get("problem").isNull());
    }

    @Test
    void submissionCreatesLinkedCases() {
        ApiClient.Response created = clerk.post("/api/bundle-submissions",
                newbornBundle("孙一", TestNode.residentId("32132319900101201"), UUID.randomUUID().toString()));

        assertEquals(201, created.status(), created.body());
        JsonNode caseNos = created.json().get("caseNos");
        assertEquals(3, caseNos.size());
        String bundleNo = created.json().get("bundleNo").asText();
        assertEquals("YJS-" + caseNos.get(0).asText(), bundleNo);

        JsonNode bundle = clerk.get("/api/bundle-submissions/" + bundleNo).json();
        assertEquals("新生儿落户、医保参保和社保卡申领", bundle.get("bundleName").asText());
        assertEquals("in_progress", bundle.get("status").asText());
        assertEquals("办理中", bundle.get("statusLabel").asText());
        assertEquals(3, bundle.get("caseCount").asInt());
        assertEquals(7, bundle.get("materials").size());
        List<String> matters = new ArrayList<>();
        bundle.get("cases").forEach(c -> matters.add(c.get("matterCode").asText()));
        assertEquals(List.of("SYM-035", "SYM-018", "SYM-001"), matters);

        // Each case is a normal case with its own intake event, linked to the same bundle.
        for (JsonNode caseNo : caseNos) {
            JsonNode detail = clerk.get("/api/cases/" + caseNo.asText()).json();
            assertEquals("孙一", detail.get("applicant").get("name").asText());
            assertEquals("intake", detail.get("events").get(0).get("type").asText());
            JsonNode link = clerk.get("/api/cases/" + caseNo.asText() + "/bundle").json().get("bundle");
            assertEquals(bundleNo, link.get("bundleNo").asText());
        }
        // The shared ID document ticked once is received in the 社保卡申领 case too.
        JsonNode cardCase = clerk.get("/api/cases/" + caseNos.get(2).asText()).json();
        assertEquals("SYM-001-M01", cardCase.get("materials").get(0).get("materialId").asText());
        assertEquals("received", cardCase.get("materials").get(0).get("status").asText());
        assertEquals(3, casesOf("孙一"));
    }

    @Test
    void submissionHasOneReceiptWithCode() {
        ApiClient.Response created = clerk.post("/api/bundle-submissions",
                newbornBundle("孙二", TestNode.residentId("32132319900101202"), UUID.randomUUID().toString()));
        String bundleNo = created.json().get("bundleNo").asText();

        ApiClient.Response page = clerk.get("/bundles/" + URLEncoder.encode(bundleNo, StandardCharsets.UTF_8));
        ApiClient.Response code = clerk.get("/api/bundle-codes/" + bundleNo);

        assertEquals(200, page.status());
        assertTrue(page.body().contains("一件事”受理回执"), page.body());
        assertEquals(200, code.status());
        assertTrue(code.body().startsWith("<svg"), code.body());
        assertEquals(1, count("SELECT COUNT(*) FROM sy_bundle_submission WHERE bundle_no = ?", bundleNo));
    }

    @Test
    void repeatedSubmissionCreatesOneBundle() {
        Map<String, Object> body = newbornBundle("孙三", TestNode.residentId("32132319900101203"),
                UUID.randomUUID().toString());

        ApiClient.Response first = clerk.post("/api/bundle-submissions", body);
        ApiClient.Response second = clerk.post("/api/bundle-submissions", body);

        assertEquals(201, first.status(), first.body());
        assertEquals(200, second.status(), second.body());
        assertEquals(first.json().get("bundleNo").asText(), second.json().get("bundleNo").asText());
        assertEquals(first.json().get("caseNos"), second.json().get("caseNos"));
        assertEquals(3, casesOf("孙三"));
    }

    @Test
    void simultaneousSubmissionsCreateOneBundle() {
        Map<String, Object> body = newbornBundle("孙四", TestNode.residentId("32132319900101204"),
                UUID.randomUUID().toString());

        CompletableFuture<ApiClient.Response> first = CompletableFuture.supplyAsync(
                () -> clerk.post("/api/bundle-submissions", body));
        CompletableFuture<ApiClient.Response> second = CompletableFuture.supplyAsync(
                () -> clerk.post("/api/bundle-submissions", body));

        assertEquals(first.join().json().get("bundleNo").asText(), second.join().json().get("bundleNo").asText());
        assertEquals(List.of(200, 201), List.of(first.join().status(), second.join().status()).stream().sorted().toList());
        assertEquals(3, casesOf("孙四"));
    }

    /** BND-002 (身后事) with every document received except {@code missingId}, which is marked missing. */
    static Map<String, Object> deathBundle(String name, String first17, String missingId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bundleCode", "BND-002");
        body.put("applicant", Map.of("name", name, "idType", "resident_id",
                "idNumber", TestNode.residentId(first17), "phone", "13905271234", "address", "泗阳县"));
        List<Map<String, String>> materials = new ArrayList<>();
        for (String id : List.of("SYM-036-M01", "SYM-036-M02", "SYM-036-M03", "SYM-036-M04", "SYM-011-M01",
                "SYM-011-M02", "SYM-011-M03", "SYM-011-M04", "SYM-011-M05")) {
            materials.add(Map.of("materialId", id, "status", id.equals(missingId) ? "missing" : "received"));
        }
        body.put("materials", materials);
        body.put("proxy", false);
        body.put("requestKey", UUID.randomUUID().toString());
        return body;
    }

    @Test
    void sharedKeyMaterialCannotBeMissing() {
        Map<String, Object> body = deathBundle("孙五", "32132319900101205", "SYM-036-M03");

        ApiClient.Response rejected = clerk.post("/api/bundle-submissions", body);

        assertEquals(422, rejected.status(), rejected.body());
        assertEquals("key_material_missing", rejected.json().get("code").asText());
        assertEquals("SYM-036", rejected.json().get("details").get("matterCode").asText());
        assertEquals(0, casesOf("孙五"));
    }

    @Test
    void toleratedMaterialGetsDeadlineInItsCase() {
        Map<String, Object> body = deathBundle("孙六", "32132319900101206", "SYM-011-M05");

        ApiClient.Response created = clerk.post("/api/bundle-submissions", body);

        assertEquals(201, created.status(), created.body());
        JsonNode caseNos = created.json().get("caseNos");
        JsonNode death = clerk.get("/api/cases/" + caseNos.get(0).asText()).json();
        JsonNode funeral = clerk.get("/api/cases/" + caseNos.get(1).asText()).json();
        assertTrue(death.get("supplementDue").isNull(), death.toString());
        assertEquals("SYM-011-M05", funeral.get("stillMissing").get(0).get("materialId").asText());
        JsonNode bundle = clerk.get("/api/bundle-submissions/" + created.json().get("bundleNo").asText()).json();
        JsonNode accountLine = null;
        for (JsonNode line : bundle.get("materials")) {
            if (line.get("id").asText().equals("SYM-011-M05")) {
                accountLine = line;
            }
        }
        assertEquals("missing", accountLine.get("status").asText(), bundle.toString());
        assertEquals("received", bundle.get("materials").get(0).get("status").asText());
    }
}
