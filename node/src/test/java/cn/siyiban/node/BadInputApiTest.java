package cn.siyiban.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.seed.DemoAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Malformed and hostile input against the node's API. Every request either fails with a stable
 * English code and a Chinese message, never a 500 or a stack trace, or is stored and read back
 * exactly as sent.
 */
class BadInputApiTest {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern CHINESE = Pattern.compile("[\\x{4E00}-\\x{9FFF}]");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @RegisterExtension
    static final TestNode node = TestNode.perClass();
    private static ApiClient clerk;

    @BeforeAll
    static void logIn() {
        clerk = node.client();
        clerk.login("clerk", DemoAccounts.PASSWORD);
    }

    /** One hostile request: a name for the report and the body or request to send. */
    private record Probe(String name, String path, String body) {
    }

    private static ObjectNode validIntake() {
        ObjectNode body = NODES.objectNode();
        body.put("matterCode", "SYM-023");
        body.putObject("applicant").put("name", "张三").put("idType", "resident_id")
                .put("idNumber", TestNode.residentId("32132319800101123")).put("phone", "13905271234")
                .put("address", "泗阳县爱园镇");
        ArrayNode materials = body.putArray("materials");
        for (String id : new String[] {"SYM-023-M01", "SYM-023-M02", "SYM-023-M06"}) {
            materials.addObject().put("materialId", id).put("status", "received");
        }
        body.put("proxy", false);
        body.put("requestKey", UUID.randomUUID().toString());
        return body;
    }

    private static Probe intake(String name, Consumer<ObjectNode> change) {
        ObjectNode body = validIntake();
        change.accept(body);
        return new Probe(name, "/api/cases", body.toString());
    }

    private static ObjectNode applicant(ObjectNode body) {
        return (ObjectNode) body.get("applicant");
    }

    static List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        String[] names = {"", "   ", "\t", "\n", "王\u0000五", "王\u0007五", "<script>alert(1)</script>",
            "王<b>五</b>", "'; DROP TABLE sy_case;--", "\" OR 1=1 --", "😀", "王😀", "王".repeat(51), "𠮷".repeat(51),
            "王Alice", "Алексей", "王 五", "\u202E王五", "王\u200B五", "１２３", "王123", "null", "%00", "${jndi:x}",
            "王\\五", "王/五", "王@五", "王#五", "王\r\n五", "\uFEFF王五", "王\uD800五", "Zoë", "José María",
            "阿依古丽·吐尔逊", "𠮷", "𬌗𪚥", "A".repeat(50), "丶", "〇", "王·", "·", "-", ".", "王\u00A0五", "ǅ",
            "ﾜﾀﾅﾍﾞ", "王\uE000五", "𝐀𝐁", "王\u0301", "\u3000王五\u3000", "王五\t"};
        for (String name : names) {
            probes.add(intake("name " + printable(name), body -> applicant(body).put("name", name)));
        }
        probes.add(intake("name null", body -> applicant(body).putNull("name")));
        probes.add(intake("name number", body -> applicant(body).put("name", 123)));
        probes.add(intake("name array", body -> applicant(body).putArray("name").add("王")));
        probes.add(intake("name object", body -> applicant(body).putObject("name")));

        String[] ids = {"", " ", "110105194912310021", "11010519491231002", "1101051949123100211",
            "11010519490231002X", "11010520991231002X", "11010518991231002X", "1101051949123100AX", "ABCDEFGHIJKLMNOPQR",
            "１１０１０５１９４９１２３１００２Ｘ", "110105 19491231002X", "110105-19491231002X", "11010519491231002Y",
            "'; DROP TABLE sy_case;--", "<img src=x>", "1".repeat(1000), "11010519491301002X", "11010519491200002X",
            "00000000000000000X", "\u0000", "😀😀😀😀😀😀😀😀😀"};
        for (String id : ids) {
            probes.add(intake("id " + printable(id), body -> applicant(body).put("idNumber", id)));
        }
        probes.add(intake("id lower-case x", body -> applicant(body).put("idNumber", "11010519491231002x")));
        probes.add(intake("id null", body -> applicant(body).putNull("idNumber")));
        probes.add(intake("id number type", body -> applicant(body).put("idNumber", 110105194912310021L)));
        String[] idTypes = {"", "passport", "hk_macao_permit", "nonsense", "RESIDENT_ID", "'; --"};
        for (String type : idTypes) {
            probes.add(intake("id type " + printable(type), body -> applicant(body).put("idType", type)));
        }
        probes.add(intake("passport number", body -> applicant(body).put("idType", "passport")
                .put("idNumber", "E12345678")));
        probes.add(intake("passport bad", body -> applicant(body).put("idType", "passport").put("idNumber", "E1")));

        String[] phones = {"", "1", "12345678901", "1390527123", "139052712345", "abcdefghijk", "+8613905271234",
            "139 0527 1234", "0527-85212345", "0527-123", "１３９０５２７１２３４", "13905271234; DROP", "<b>139</b>",
            "00000000000", "1".repeat(500), "139\u00000527123"};
        for (String phone : phones) {
            probes.add(intake("phone " + printable(phone), body -> applicant(body).put("phone", phone)));
        }
        probes.add(intake("phone null", body -> applicant(body).putNull("phone")));
        probes.add(intake("phone number type", body -> applicant(body).put("phone", 13905271234L)));

        String[] addresses = {"", "   ", "<script>alert('x')</script>", "'; DROP TABLE sy_case;--", "泗阳县😀村",
            "𠮷家庄", "地".repeat(100), "地".repeat(101), "第\u0000组", "第\u0008组", "Main St. #5 & Co.", "路\n号",
            "\\\\server\\share", "%s%s%n", "{{7*7}}", "王集镇\u200D中心"};
        for (String address : addresses) {
            probes.add(intake("address " + printable(address), body -> applicant(body).put("address", address)));
        }
        probes.add(intake("address null", body -> applicant(body).putNull("address")));
        probes.add(intake("address number", body -> applicant(body).put("address", 5)));

        String[] matters = {"", "SYM-999", "sym-023", "SYM-023 ", "'; DROP TABLE sy_matter;--", "<x>", "M".repeat(300),
            "SYM-023\u0000", "../SYM-023"};
        for (String matter : matters) {
            probes.add(intake("matter " + printable(matter), body -> body.put("matterCode", matter)));
        }
        probes.add(intake("matter null", body -> body.putNull("matterCode")));
        probes.add(intake("matter missing", body -> body.remove("matterCode")));
        probes.add(intake("matter number", body -> body.put("matterCode", 23)));

        probes.add(intake("materials null", body -> body.putNull("materials")));
        probes.add(intake("materials empty", body -> body.putArray("materials")));
        probes.add(intake("materials string", body -> body.put("materials", "SYM-023-M01")));
        probes.add(intake("materials of strings", body -> body.putArray("materials").add("SYM-023-M01")));
        probes.add(intake("materials null element", body -> ((ArrayNode) body.get("materials")).addNull()));
        probes.add(intake("material unknown id", body -> ((ArrayNode) body.get("materials")).addObject()
                .put("materialId", "SYM-001-M01").put("status", "received")));
        probes.add(intake("material id null", body -> ((ArrayNode) body.get("materials")).addObject()
                .putNull("materialId").put("status", "received")));
        probes.add(intake("material bad status", body -> ((ArrayNode) body.get("materials")).addObject()
                .put("materialId", "SYM-023-M04").put("status", "lost")));
        probes.add(intake("material status null", body -> ((ArrayNode) body.get("materials")).addObject()
                .put("materialId", "SYM-023-M04").putNull("status")));
        probes.add(intake("material duplicate", body -> ((ArrayNode) body.get("materials")).addObject()
                .put("materialId", "SYM-023-M01").put("status", "received")));
        probes.add(intake("material unknown field", body -> ((ObjectNode) body.get("materials").get(0))
                .put("copies", 2)));
        probes.add(intake("key material committed", body -> ((ObjectNode) body.get("materials").get(0))
                .put("status", "committed")));
        probes.add(intake("key material missing", body -> ((ObjectNode) body.get("materials").get(0))
                .put("status", "missing")));
        for (int i = 0; i < 12; i++) {
            String status = new String[] {"RECEIVED", " received", "received ", "收到", "", "0", "true", "null",
                "missing\u0000", "<received>", "received;", "commited"}[i];
            probes.add(intake("material status " + printable(status), body -> ((ObjectNode) body.get("materials")
                    .get(1)).put("status", status)));
        }

        probes.add(intake("proxy string", body -> body.put("proxy", "yes")));
        probes.add(intake("proxy number", body -> body.put("proxy", 1)));
        probes.add(intake("proxy null", body -> body.putNull("proxy")));
        probes.add(intake("proxy for personal matter", body -> body.put("matterCode", "SYM-049").put("proxy", true)));
        probes.add(intake("request key too long", body -> body.put("requestKey", "k".repeat(65))));
        probes.add(intake("request key with space", body -> body.put("requestKey", "a b")));
        probes.add(intake("request key chinese", body -> body.put("requestKey", "表单一")));
        probes.add(intake("request key number", body -> body.put("requestKey", 42)));
        probes.add(intake("unknown top field", body -> body.put("admin", true)));
        probes.add(intake("unknown applicant field", body -> applicant(body).put("age", 30)));
        probes.add(intake("applicant null", body -> body.putNull("applicant")));
        probes.add(intake("applicant string", body -> body.put("applicant", "张三")));
        probes.add(intake("applicant missing", body -> body.remove("applicant")));
        probes.add(intake("case id injected", body -> body.put("id", "00000000-0000-0000-0000-000000000000")));
        probes.add(intake("case number injected", body -> body.put("caseNo", "321323101001-20260101-0001")));

        String[] rawBodies = {"", " ", "null", "[]", "\"text\"", "42", "{", "{\"matterCode\":", "{'matterCode':'x'}",
            "{\"matterCode\":\"SYM-023\"}{}", "<xml/>", "matterCode=SYM-023", "{\"a\":" + "[".repeat(5000)
                + "]".repeat(5000) + "}", "{\"applicant\":{\"name\":\"" + "王".repeat(100_000) + "\"}}",
            "\uFEFF{}", "{\"matterCode\":\"SYM-023\",\"matterCode\":\"SYM-001\"}", "{\"proxy\":tru}",
            "{\"matterCode\":\"\\ud800\"}", "{\"x\":1e999999}"};
        for (String raw : rawBodies) {
            probes.add(new Probe("raw body " + printable(raw.length() > 40 ? raw.substring(0, 40) : raw),
                    "/api/cases", raw));
        }
        probes.add(new Probe("huge body", "/api/cases", "{\"pad\":\"" + "x".repeat(400_000) + "\"}"));

        String[] logins = {"{}", "{\"username\":null,\"password\":null}", "{\"username\":\"" + "u".repeat(10_000)
                + "\",\"password\":\"x\"}", "{\"username\":\"clerk' OR '1'='1\",\"password\":\"x\"}",
            "{\"username\":\"clerk\",\"password\":123}", "{\"username\":[\"clerk\"],\"password\":\"x\"}",
            "{\"username\":\"<script>\",\"password\":\"x\"}", "{\"username\":\"\u0000\",\"password\":\"x\"}"};
        for (String login : logins) {
            probes.add(new Probe("login " + printable(login.length() > 40 ? login.substring(0, 40) : login),
                    "/api/login", login));
        }
        return probes;
    }

    /** Read-only requests with hostile paths and parameters. */
    static List<String> hostileGets() {
        return List.of("/api/cases/..%2F..%2Fetc%2Fpasswd", "/api/cases/%00", "/api/cases/" + "9".repeat(5000),
                "/api/cases/'%20OR%201=1", "/api/cases?from=yesterday", "/api/cases?to=2026-13-45",
                "/api/cases?q=%27%20OR%201%3D1%20--", "/api/cases?q=%3Cscript%3E", "/api/matters?q=%27%20OR%201=1",
                "/api/matters?q=" + "a".repeat(5000), "/api/matters/%3Cx%3E", "/api/cases?matter=%27",
                "/api/cases/321323101001-20261204-0001/../../health", "/api/nothing-here", "/api/cases?q=%F0%A0%AE%B7");
    }

    @TestFactory
    Stream<DynamicTest> everyBadPostIsRejectedClearlyOrStoredExactly() {
        List<Probe> probes = probes();
        assertTrue(probes.size() >= 200, "expected at least 200 hostile inputs, have " + probes.size());
        return probes.stream().map(probe -> DynamicTest.dynamicTest(probe.name(), () -> check(probe)));
    }

    @TestFactory
    Stream<DynamicTest> everyHostileGetAnswersWithoutServerError() {
        return hostileGets().stream().map(path -> DynamicTest.dynamicTest(path, () -> {
            ApiClient.Response response = clerk.get(path);
            assertTrue(response.status() < 500, path + " -> " + response.status() + " " + response.body());
            if (response.status() >= 400) {
                assertErrorShape(path, response);
            }
        }));
    }

    @Test
    void doubleSubmissionCreatesOneCase() {
        ObjectNode body = validIntake();
        ApiClient.Response first = clerk.post("/api/cases", body.toString());
        ApiClient.Response second = clerk.post("/api/cases", body.toString());
        assertEquals(201, first.status(), first.body());
        assertEquals(200, second.status(), second.body());
        assertEquals(first.json().get("caseNo"), second.json().get("caseNo"));
    }

    private static void check(Probe probe) throws Exception {
        ApiClient client = probe.path().equals("/api/login") ? node.client() : clerk;
        ApiClient.Response response = client.post(probe.path(), probe.body());
        assertTrue(response.status() < 500, probe.name() + " -> " + response.status() + " " + response.body());
        if (response.status() >= 400) {
            assertErrorShape(probe.name(), response);
            return;
        }
        if (probe.path().equals("/api/cases")) {
            JsonNode sent = ApiClient.JSON.readTree(probe.body()).get("applicant");
            JsonNode stored = clerk.get("/api/cases/" + response.json().get("caseNo").asText()).json().get("applicant");
            assertEquals(sent.get("name").asText().strip(), stored.get("name").asText(), probe.name());
            if (sent.hasNonNull("address") && !sent.get("address").asText().isBlank()) {
                assertEquals(sent.get("address").asText().strip(), stored.get("address").asText(), probe.name());
            }
        }
    }

    private static void assertErrorShape(String name, ApiClient.Response response) {
        JsonNode json = response.json();
        assertNotNull(json, name + ": error is not JSON: " + response.body());
        assertTrue(CODE.matcher(json.path("code").asText()).matches(), name + ": code " + json.path("code"));
        assertTrue(CHINESE.matcher(json.path("message").asText()).find(), name + ": message " + json.path("message"));
        assertTrue(!response.body().contains("Exception") && !response.body().contains("\tat "),
                name + ": stack trace in " + response.body());
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(30).forEach(c -> out.append(Character.isISOControl(c) || Character.getType(c)
                == Character.FORMAT || Character.isSurrogate((char) c) ? String.format("\\u%04X", c)
                : new String(Character.toChars(c))));
        return "\"" + out + "\"";
    }
}
