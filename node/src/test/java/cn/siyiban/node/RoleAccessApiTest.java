package cn.siyiban.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.seed.DemoAccounts;
import cn.siyiban.core.staff.PasswordHasher;
import cn.siyiban.core.staff.Role;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.staff.StaffStore;
import cn.siyiban.core.time.CountyClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every page and API of the node except login and health requires a session, and a technician,
 * who keeps the mini PC running, sees no case and no applicant.
 */
class RoleAccessApiTest {

    private static final String PAGE_CASE = "321323101001-20260101-0001";

    @RegisterExtension
    static final TestNode node = TestNode.perClass();
    private static String caseNo;

    @BeforeAll
    static void setUp() {
        ApiClient clerk = node.client();
        clerk.login("clerk", DemoAccounts.PASSWORD);
        ApiClient.Response created = clerk.post("/api/cases", IntakeApiTest.subsistenceIntake("吴十",
                TestNode.residentId("32132319750505005"), UUID.randomUUID().toString()));
        assertEquals(201, created.status(), created.body());
        caseNo = created.json().get("caseNo").asText();
        new StaffStore(node.app.database()).insert(new Staff(UUID.randomUUID().toString(), "tech", "运维人员",
                Role.TECHNICIAN, node.app.settings().pointCode(), null, PasswordHasher.hash("tech-password"), true),
                CountyClock.system().now());
    }

    @Test
    void apisWithoutSessionAre401() {
        ApiClient anonymous = node.client();
        for (String path : List.of("/api/cases", "/api/cases/" + caseNo, "/api/matters", "/api/matters/SYM-023",
                "/api/sync", "/api/session", "/api/case-codes/" + caseNo)) {
            assertEquals(401, anonymous.get(path).status(), "GET " + path);
        }
        for (String path : List.of("/api/cases", "/api/cases/" + caseNo + "/delivery", "/api/supplements",
                "/api/sync/now", "/api/logout")) {
            assertEquals(401, anonymous.post(path, "{}").status(), "POST " + path);
        }
    }

    @Test
    void pagesWithoutSessionRedirectToLogin() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : List.of("/", "/intake", "/receipt/" + PAGE_CASE, "/cases", "/cases/" + PAGE_CASE,
                "/notice/missing/" + PAGE_CASE, "/supplement", "/forms/proxy/" + PAGE_CASE,
                "/forms/result/" + PAGE_CASE)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + node.app.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(302, response.statusCode(), "GET " + path);
            assertTrue(response.headers().firstValue("Location").orElse("").startsWith("/login"), "GET " + path);
        }
    }

    @Test
    void technicianSeesNoCase() {
        ApiClient technician = node.client();
        technician.login("tech", "tech-password");

        ApiClient.Response list = technician.get("/api/cases");
        ApiClient.Response detail = technician.get("/api/cases/" + caseNo);
        ApiClient.Response unknown = technician.get("/api/cases/321323101001-20260101-9999");

        assertEquals(403, list.status(), list.body());
        assertEquals("forbidden", list.json().get("code").asText());
        assertEquals(403, detail.status(), detail.body());
        assertEquals(403, unknown.status(), "a technician must not learn which case numbers exist");
    }

    @Test
    void technicianCannotTakeInOrDeliver() {
        ApiClient technician = node.client();
        technician.login("tech", "tech-password");

        ApiClient.Response intake = technician.post("/api/cases", IntakeApiTest.subsistenceIntake("郑十一",
                TestNode.residentId("32132319750606006"), UUID.randomUUID().toString()));
        ApiClient.Response delivery = technician.post("/api/cases/" + caseNo + "/delivery", "{}");

        assertEquals(403, intake.status(), intake.body());
        assertEquals(403, delivery.status(), delivery.body());
    }

    @Test
    void technicianSeesSyncState() {
        ApiClient technician = node.client();
        technician.login("tech", "tech-password");

        assertEquals(200, technician.get("/api/sync").status());
    }
}
