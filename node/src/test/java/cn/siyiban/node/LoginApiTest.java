package cn.siyiban.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.seed.DemoAccounts;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LoginApiTest {

    @RegisterExtension
    static final TestNode node = TestNode.perClass();

    @Test
    void loginReturnsSessionAndCookie() {
        ApiClient client = node.client();
        ApiClient.Response response = client.login("clerk", DemoAccounts.PASSWORD);

        assertEquals(200, response.status(), response.body());
        assertEquals("clerk", response.json().get("username").asText());
        assertEquals("village_clerk", response.json().get("role").asText());
        assertEquals("北爱园居委会", response.json().get("nodePointName").asText());
        assertFalse(response.json().get("csrfToken").asText().isEmpty());
        String cookie = response.raw().headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.startsWith("SIYIBAN_SESSION="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertEquals(200, client.get("/api/session").status());
    }

    @Test
    void loginIssuesNewSessionId() {
        ApiClient client = node.client();
        String first = sessionCookie(client.login("clerk", DemoAccounts.PASSWORD));
        String second = sessionCookie(client.login("clerk", DemoAccounts.PASSWORD));

        assertNotEquals(first, second);
    }

    @Test
    void wrongPasswordIs401() {
        ApiClient.Response response = node.client().login("clerk2", "wrong-password");

        assertEquals(401, response.status());
        assertEquals("invalid_credentials", response.json().get("code").asText());
        assertTrue(response.json().get("message").asText().contains("用户名或密码不正确"));
        node.client().login("clerk2", DemoAccounts.PASSWORD);
    }

    @Test
    void fifthFailureLocksAccount() {
        ApiClient client = node.client();
        for (int attempt = 1; attempt < 5; attempt++) {
            assertEquals(401, client.login("reviewer", "wrong-" + attempt).status());
        }
        ApiClient.Response fifth = client.login("reviewer", "wrong-5");
        ApiClient.Response correct = client.login("reviewer", DemoAccounts.PASSWORD);

        assertEquals(423, fifth.status());
        assertEquals(423, correct.status());
        assertEquals("account_locked", correct.json().get("code").asText());
        assertTrue(correct.json().get("message").asText().contains("后再试"), correct.body());
        assertNotNull(correct.json().get("details").get("lockedUntil"));
    }

    @Test
    void apiWithoutSessionIs401() {
        ApiClient.Response response = node.client().get("/api/cases");

        assertEquals(401, response.status());
        assertEquals("not_logged_in", response.json().get("code").asText());
    }

    @Test
    void pageWithoutSessionRedirectsToLogin() {
        ApiClient.Response response = node.client().get("/cases");

        assertEquals(302, response.status());
        assertEquals("/login?next=%2Fcases", response.raw().headers().firstValue("Location").orElse(""));
    }

    @Test
    void postWithoutCsrfTokenIs403() {
        ApiClient client = node.client();
        client.login("clerk", DemoAccounts.PASSWORD);
        client.csrfToken = null;

        ApiClient.Response response = client.post("/api/cases", Map.of("matterCode", "SYM-023"));

        assertEquals(403, response.status());
        assertEquals("csrf_token_invalid", response.json().get("code").asText());
    }

    @Test
    void logoutEndsSession() {
        ApiClient client = node.client();
        client.login("clerk", DemoAccounts.PASSWORD);

        assertEquals(200, client.post("/api/logout", "{}").status());
        assertEquals(401, client.get("/api/session").status());
    }

    @Test
    void healthHasContractShape() {
        ApiClient.Response response = node.client().get("/health");

        assertEquals(200, response.status());
        assertEquals("UP", response.json().get("status").asText());
        assertEquals("node", response.json().get("role").asText());
        assertEquals("321323101001", response.json().get("point").asText());
        assertEquals("北爱园居委会", response.json().get("pointName").asText());
        assertFalse(response.json().get("version").asText().isEmpty());
        assertTrue(response.json().get("cases").isInt());
    }

    private static String sessionCookie(ApiClient.Response response) {
        String cookie = response.raw().headers().firstValue("Set-Cookie").orElse("");
        return cookie.substring(0, cookie.indexOf(';'));
    }
}
