package cn.siyiban.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Who may reach what, with central, a village and a township as separate JVMs. Central's pages
 * and APIs need a session and the right role. SymmetricDS accepts a node only with its own
 * security token and only while it is enabled. After the run, neither node has personal data of
 * the other point anywhere in its database or data folder.
 *
 * <p>SymmetricDS answers a refused node with its own status codes, not 403: 659 for a wrong or
 * missing security token and 658 for a node whose sync is disabled (WebConstants in
 * symmetric-core 3.15.22).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class SecurityIT {

    private static final int SYNC_FORBIDDEN = 659;
    private static final int SYNC_DISABLED = 658;

    private SyncCluster cluster;
    private ServerProcess village;
    private ServerProcess township;
    private ClerkLoad villageClerks;
    private ClerkLoad townshipClerks;
    /** The township's own SymmetricDS security token, read from its database. */
    private String townshipToken;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void startNetwork() {
        cluster = new SyncCluster("security");
        cluster.startCentral();
        village = cluster.startNode("village", SyncCluster.VILLAGE, cluster.issueToken(SyncCluster.VILLAGE, "register"));
        township = cluster.startNode("township", SyncCluster.TOWNSHIP,
                cluster.issueToken(SyncCluster.TOWNSHIP, "register"));
        SyncCluster.awaitRegistered(village, "clerk");
        SyncCluster.awaitRegistered(township, "clerk2");
        // Created first, so the accounts have long reached the village when a test logs in there.
        Api admin = Api.login(cluster.centralUrl(), "admin", SyncCluster.PASSWORD);
        createStaff(admin, "tech-village", "technician", SyncCluster.VILLAGE, null);
        createStaff(admin, "rev-hrss", "reviewer", null, "县人社局");
        villageClerks = new ClerkLoad(village.baseUrl(), "clerk", "sec-village", 5).start(1);
        townshipClerks = new ClerkLoad(township.baseUrl(), "clerk2", "sec-township", 5).start(1);
        assertTrue(villageClerks.awaitDone(Duration.ofMinutes(1)));
        assertTrue(townshipClerks.awaitDone(Duration.ofMinutes(1)));
        CaseAudit.awaitAtCentral(cluster, village, "clerk", villageClerks.acknowledged().keySet());
        CaseAudit.awaitAtCentral(cluster, township, "clerk2", townshipClerks.acknowledged().keySet());
    }

    @AfterAll
    void stopNetwork() {
        cluster.close();
    }

    @Test
    @Order(1)
    void centralApisWithoutSessionAre401() {
        Api anonymous = new Api(cluster.centralUrl());
        String caseNo = villageClerks.acknowledged().keySet().iterator().next();
        for (String path : List.of("/api/cases", "/api/cases/" + caseNo, "/api/registrations", "/api/staff",
                "/api/sync/nodes", "/api/sync/overview", "/api/sync/alerts", "/api/sync/nodes/" + SyncCluster.VILLAGE,
                "/api/audit", "/api/network", "/api/points", "/api/catalogue/matters", "/api/catalogue/version",
                "/api/calendar", "/api/workflows/overdue-supplements", "/api/session")) {
            assertEquals(401, anonymous.get(path).status(), "GET " + path);
        }
        for (String path : List.of("/api/registrations", "/api/registrations/revoke", "/api/staff",
                "/api/cases/" + caseNo + "/decisions", "/api/catalogue/import", "/api/catalogue/matters",
                "/api/sync/nodes/" + SyncCluster.VILLAGE + "/disable", "/api/calendar/days")) {
            assertEquals(401, anonymous.post(path, "{}").status(), "POST " + path);
        }
    }

    @Test
    @Order(2)
    void centralPagesWithoutSessionRedirectToLogin() throws Exception {
        for (String path : List.of("/", "/cases/X", "/overdue-supplements", "/calendar", "/registrations",
                "/sync-status", "/sync-status/" + SyncCluster.VILLAGE, "/catalogue", "/staff", "/network")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(cluster.centralUrl() + path))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(302, response.statusCode(), "GET " + path);
            assertTrue(response.headers().firstValue("Location").orElse("").startsWith("/login"), "GET " + path);
        }
    }

    @Test
    @Order(3)
    void rolesAreEnforcedAtCentral() {
        String caseNo = villageClerks.acknowledged().keySet().iterator().next();

        Api clerk = Api.login(cluster.centralUrl(), "clerk", SyncCluster.PASSWORD);
        Api reviewer = Api.login(cluster.centralUrl(), "reviewer", SyncCluster.PASSWORD);
        Api technician = Api.login(cluster.centralUrl(), "tech-village", "tech-password-1");
        Api otherReviewer = Api.login(cluster.centralUrl(), "rev-hrss", "tech-password-1");
        ObjectNode token = Api.JSON.createObjectNode().put("point", SyncCluster.VILLAGE).put("purpose", "reinstall");
        ObjectNode decision = Api.JSON.createObjectNode().put("decision", "approve").put("comment", "越权测试");

        for (Api nonAdmin : List.of(clerk, reviewer, technician, otherReviewer)) {
            assertEquals(403, nonAdmin.post("/api/registrations", token).status(), "token issue");
            assertEquals(403, nonAdmin.get("/api/staff").status(), "staff list");
            assertEquals(403, nonAdmin.get("/api/sync/nodes").status(), "sync monitor");
            assertEquals(403, nonAdmin.get("/api/audit").status(), "audit log");
        }
        for (Api noCases : List.of(clerk, technician)) {
            assertEquals(403, noCases.get("/api/cases").status(), "case list");
            assertEquals(403, noCases.get("/api/cases/" + caseNo).status(), "case detail");
        }
        Api.Response foreign = otherReviewer.get("/api/cases/" + caseNo);
        assertEquals(403, foreign.status(), "a reviewer of 县人社局 reads a 县民政局 case: " + foreign.body());
        assertEquals(403, otherReviewer.post("/api/cases/" + caseNo + "/decisions", decision).status());
        JsonNode list = otherReviewer.get("/api/cases").json();
        list.forEach(row -> assertFalse(row.path("caseNo").asText().equals(caseNo), "listed to 县人社局: " + caseNo));
        assertEquals(200, reviewer.get("/api/cases/" + caseNo).status(), "the 县民政局 reviewer may read it");
    }

    @Test
    @Order(4)
    void villageNodeRejectsTechnician() {
        // The technician account reaches the village node through sync, like every staff row of
        // its point. Logging in to find out would count failed logins and lock the account.
        Api admin = Api.login(cluster.centralUrl(), "admin", SyncCluster.PASSWORD);
        JsonNode pending = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> villageRow(admin.get("/api/sync/nodes").json()),
                row -> row.path("outgoingBatches").asInt(-1) == 0);
        assertEquals(0, pending.path("outgoingBatches").asInt(-1), "batches central holds for the village");
        Api technician = Api.login(village.baseUrl(), "tech-village", "tech-password-1");
        String caseNo = villageClerks.acknowledged().keySet().iterator().next();
        assertEquals(403, technician.get("/api/cases").status());
        assertEquals(403, technician.get("/api/cases/" + caseNo).status());

        Api townshipClerk = Api.login(township.baseUrl(), "clerk2", SyncCluster.PASSWORD);
        Api.Response atTownship = townshipClerk.get("/api/cases/" + caseNo);
        assertEquals(404, atTownship.status(), "the village's case is not at the township: " + atTownship.body());
    }

    @Test
    @Order(5)
    void nodeCanSyncOnlyAsItself() throws Exception {
        township.stop();
        townshipToken = nodePassword(cluster.root.resolve("township").resolve("db"), SyncCluster.TOWNSHIP);
        cluster.restart(township);

        assertEquals(200, pull(SyncCluster.TOWNSHIP, townshipToken), "the township pulls with its own token");
        assertEquals(SYNC_FORBIDDEN, pull(SyncCluster.VILLAGE, townshipToken), "pull as the village");
        assertEquals(SYNC_FORBIDDEN, pull(SyncCluster.VILLAGE, ""), "pull without a token");
        assertEquals(SYNC_FORBIDDEN, push(SyncCluster.VILLAGE, townshipToken, forgedBatch()),
                "push claiming the village with the township's token");
        Api admin = Api.login(cluster.centralUrl(), "admin", SyncCluster.PASSWORD);
        assertEquals(404, admin.get("/api/cases/" + SyncCluster.VILLAGE + "-20260101-9999").status(),
                "forged case reached central");
    }

    @Test
    @Order(6)
    void wrongPasswordsDoNotLockOutARealNode() throws Exception {
        for (int attempt = 0; attempt < 8; attempt++) {
            assertEquals(SYNC_FORBIDDEN, push(SyncCluster.VILLAGE, "wrong-password-" + attempt, forgedBatch()));
        }
        ClerkLoad after = new ClerkLoad(village.baseUrl(), "clerk", "sec-after-lockout", 1).start(1);
        assertTrue(after.awaitDone(Duration.ofMinutes(1)));
        CaseAudit.awaitAtCentral(cluster, village, "clerk", after.acknowledged().keySet());
    }

    @Test
    @Order(7)
    void disabledNodeIsRejected() throws Exception {
        Api admin = Api.login(cluster.centralUrl(), "admin", SyncCluster.PASSWORD);
        ObjectNode confirm = Api.JSON.createObjectNode().put("confirm", SyncCluster.TOWNSHIP);
        Api.Response disabled = admin.post("/api/sync/nodes/" + SyncCluster.TOWNSHIP + "/disable", confirm);
        assertEquals(200, disabled.status(), disabled.body());

        int refused = Waits.until(Duration.ofSeconds(60), () -> pullQuietly(SyncCluster.TOWNSHIP, townshipToken),
                status -> status == SYNC_DISABLED);
        assertEquals(SYNC_DISABLED, refused, "pull of a disabled node");
        ClerkLoad whileDisabled = new ClerkLoad(township.baseUrl(), "clerk2", "sec-disabled", 1).start(1);
        assertTrue(whileDisabled.awaitDone(Duration.ofMinutes(1)));
        String caseNo = whileDisabled.acknowledged().keySet().iterator().next();

        Api.Response enabled = admin.post("/api/sync/nodes/" + SyncCluster.TOWNSHIP + "/enable", confirm);
        assertEquals(200, enabled.status(), enabled.body());
        CaseAudit.awaitAtCentral(cluster, township, "clerk2", Set.of(caseNo));
    }

    @Test
    @Order(8)
    void noNodeHoldsTheOtherPointsPersonalData() throws Exception {
        village.stop();
        township.stop();
        Map<String, ClerkLoad> other = Map.of("village", townshipClerks, "township", villageClerks);
        for (Map.Entry<String, ClerkLoad> entry : other.entrySet()) {
            List<String> values = new ArrayList<>();
            for (ClerkLoad.Acknowledged form : entry.getValue().acknowledged().values()) {
                values.add(form.idNumber());
                values.add(form.phone());
            }
            Path folder = cluster.root.resolve(entry.getKey());
            int[] scanned = new int[1];
            List<String> found = PersonalDataScan.find(folder.resolve("db"), values, scanned);
            assertEquals(List.of(), found, entry.getKey() + " holds the other point's ID or phone numbers");
            assertTrue(scanned[0] > 100, "only " + scanned[0] + " text columns scanned at " + entry.getKey());
            assertEquals(List.of(), filesContaining(folder, values), entry.getKey() + " files");
        }
    }

    private static JsonNode villageRow(JsonNode nodes) {
        for (JsonNode node : nodes) {
            if (SyncCluster.VILLAGE.equals(node.path("point").asText())) {
                return node;
            }
        }
        return Api.JSON.createObjectNode();
    }

    private static void createStaff(Api admin, String username, String role, String point, String department) {
        ObjectNode body = Api.JSON.createObjectNode().put("username", username).put("displayName", "测试" + username)
                .put("role", role).put("pointCode", point).put("department", department)
                .put("password", "tech-password-1");
        Api.Response created = admin.post("/api/staff", body);
        assertEquals(201, created.status(), created.body());
    }

    /** Reads a node's own SymmetricDS password from its stopped database. */
    private static String nodePassword(Path db, String nodeId) {
        List<List<String>> rows = DerbyFiles.rows(db,
                "SELECT node_password FROM sym_node_security WHERE node_id = '" + nodeId + "'");
        assertEquals(1, rows.size(), "own sym_node_security row of " + nodeId);
        return rows.get(0).get(0);
    }

    private int pull(String nodeId, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(cluster.centralUrl() + "/sync/central/pull?nodeId="
                + nodeId + "&securityToken=" + token)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int pullQuietly(String nodeId, String token) {
        try {
            return pull(nodeId, token);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private int push(String nodeId, String token, String batch) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(cluster.centralUrl() + "/sync/central/push?nodeId="
                        + nodeId + "&securityToken=" + token)).header("Content-Type", "text/plain")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(batch, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Returns a batch in SymmetricDS's CSV protocol that claims a case of the village. */
    private static String forgedBatch() {
        return "nodeid," + SyncCluster.VILLAGE + "\nchannel,cases\nbatch,990001\ntable,sy_case\nkeys,id\n"
                + "columns,id,case_no,origin_point\ninsert,\"forged-1\",\"" + SyncCluster.VILLAGE
                + "-20260101-9999\",\"" + SyncCluster.VILLAGE + "\"\ncommit,990001\n";
    }

    /** Returns the files under {@code folder} whose bytes contain any of {@code values} in UTF-8. */
    private static List<String> filesContaining(Path folder, List<String> values) throws IOException {
        List<String> found = new ArrayList<>();
        try (var paths = Files.walk(folder)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String value : values) {
                    if (text.contains(value)) {
                        found.add(folder.relativize(file) + " contains " + value);
                    }
                }
            }
        }
        return found;
    }
}
