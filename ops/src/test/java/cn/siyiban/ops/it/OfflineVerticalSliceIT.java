package cn.siyiban.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.applicant.ResidentIdNumber;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * The main job end to end, with central, a township node and a village node as separate JVMs:
 * cases taken in while central is down reach it once sync resumes, a decision goes back to the
 * village only, catalogue changes reach both nodes, restarts lose nothing, and registration
 * admits a reinstalled machine but refuses a second one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class OfflineVerticalSliceIT {

    private static final int CASES = 50;
    private static final String[] NAMES = {"𠮷𬌗明", "王𪚥", "阿依古丽·吐尔逊", "张三", "李𬱖"};

    private SyncCluster cluster;
    private ServerProcess village;
    private ServerProcess township;
    private final List<String> caseNumbers = new ArrayList<>();
    private final List<String> idNumbers = new ArrayList<>();

    @BeforeAll
    void startNetwork() {
        cluster = new SyncCluster("slice");
        cluster.startCentral();
        village = cluster.startNode("village", SyncCluster.VILLAGE,
                cluster.issueToken(SyncCluster.VILLAGE, "register"));
        township = cluster.startNode("township", SyncCluster.TOWNSHIP,
                cluster.issueToken(SyncCluster.TOWNSHIP, "register"));
        assertTrue(SyncCluster.awaitRegistered(village, "clerk").path("registered").asBoolean(), "village registered");
        assertTrue(SyncCluster.awaitRegistered(township, "clerk2").path("registered").asBoolean(),
                "township registered");
    }

    @AfterAll
    void stopNetwork() {
        cluster.close();
    }

    private ObjectNode intake(String name, int index) {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("matterCode", "SYM-023");
        String first17 = String.format("3213231980%02d%02d%03d", 1 + index % 12, 1 + index % 28, index % 1000);
        body.putObject("applicant").put("name", name).put("idType", "resident_id")
                .put("idNumber", remember(first17 + ResidentIdNumber.checkCharacter(first17)))
                .put("phone", String.format("139%08d", index)).put("address", "泗阳县爱园镇第" + index + "户");
        ArrayNode materials = body.putArray("materials");
        for (String received : new String[] {"SYM-023-M01", "SYM-023-M02", "SYM-023-M06"}) {
            materials.addObject().put("materialId", received).put("status", "received");
        }
        materials.addObject().put("materialId", "SYM-023-M04").put("status", "missing");
        body.put("proxy", index % 2 == 0);
        body.put("requestKey", "it-" + index + "-" + Instant.now().toEpochMilli());
        return body;
    }

    @Test
    @Order(1)
    void casesTakenWhileCentralIsDownArriveOnce() {
        cluster.central.stop();
        Api clerk = Api.login(village.baseUrl(), "clerk", SyncCluster.PASSWORD);
        for (int i = 0; i < CASES; i++) {
            Api.Response created = clerk.post("/api/cases", intake(NAMES[i % NAMES.length], i));
            assertEquals(201, created.status(), created.body());
            caseNumbers.add(created.json().path("caseNo").asText());
        }
        assertEquals(CASES, new HashSet<>(caseNumbers).size());

        Instant back = Instant.now();
        cluster.central.start();
        Api admin = Api.login(cluster.centralUrl(), "admin", SyncCluster.PASSWORD);
        JsonNode list = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> admin.get("/api/cases?q=" + SyncCluster.VILLAGE)
                .json(), rows -> rows.size() >= CASES);
        System.out.printf("Backlog of %d cases drained to central in %d ms after central started%n", CASES,
                Duration.between(back, Instant.now()).toMillis());
        assertEquals(CASES, list.size());
        Set<String> atCentral = new HashSet<>();
        list.forEach(row -> atCentral.add(row.path("caseNo").asText()));
        assertEquals(new HashSet<>(caseNumbers), atCentral);

        for (String caseNo : caseNumbers) {
            JsonNode local = clerk.get("/api/cases/" + caseNo).json();
            // A case can reach central a moment before its events, so the test waits for them.
            // NOTE: seen once with central on PostgreSQL. The likeliest cause is the reverse
            // initial load sent at registration, which puts each table in a batch of its own and
            // may still be pending when central stops.
            JsonNode synced = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> admin.get("/api/cases/" + caseNo).json(),
                    detail -> detail.path("events").size() >= local.path("events").size());
            assertEquals(local.path("applicant"), synced.path("applicant"), caseNo + " at the village: " + local);
            assertEquals(local.path("materials"), synced.path("materials"), caseNo);
            assertEquals(local.path("createdAt"), synced.path("createdAt"), caseNo);
            assertEquals(local.path("events").size(), synced.path("events").size(), caseNo);
            assertEquals(0, synced.path("hashChainProblems").size(), caseNo);
        }
    }

    @Test
    @Order(2)
    void decisionReachesTheOriginVillage() {
        String caseNo = caseNumbers.get(0);
        Api reviewer = Api.login(cluster.centralUrl(), "reviewer", SyncCluster.PASSWORD);
        ObjectNode decision = Api.JSON.createObjectNode().put("decision", "approve").put("comment", "材料齐全，同意");
        Api.Response decided = reviewer.post("/api/cases/" + caseNo + "/decisions", decision);
        assertEquals(201, decided.status(), decided.body());

        Instant sent = Instant.now();
        Api clerk = Api.login(village.baseUrl(), "clerk", SyncCluster.PASSWORD);
        JsonNode seen = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> clerk.get("/api/cases/" + caseNo).json(),
                detail -> "approved".equals(detail.path("status").asText()));
        System.out.printf("Decision reached the village in %d ms%n", Duration.between(sent, Instant.now()).toMillis());
        assertEquals("approved", seen.path("status").asText());

        Api.Response delivered = clerk.post("/api/cases/" + caseNo + "/delivery", Api.JSON.createObjectNode());
        assertEquals(201, delivered.status(), delivered.body());
        Api admin = Api.login(cluster.centralUrl(), "admin", SyncCluster.PASSWORD);
        JsonNode atCentral = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> admin.get("/api/cases/" + caseNo).json(),
                detail -> "delivered".equals(detail.path("status").asText()));
        assertEquals("delivered", atCentral.path("status").asText());
        assertEquals(0, atCentral.path("hashChainProblems").size());
    }

    @Test
    @Order(3)
    void catalogueChangeReachesBothNodesAndOldCasesKeepTheirVersion() {
        Api admin = Api.login(cluster.centralUrl(), "admin", SyncCluster.PASSWORD);
        String csv = "code,name,category,department,time_class,legal_days,promised_days,proxy_allowed,materials,source\n"
                + "IT-001,测试新增事项（同步测试）,测试,县民政局,promised,5,3,true,身份证;申请书[可容缺],integration test\n";
        Api.Response published = admin.post("/api/catalogue/import?mode=merge", csv);
        assertEquals(201, published.status(), published.body());
        int version = published.json().path("version").asInt();
        assertTrue(version >= 2, published.body());

        for (ServerProcess node : List.of(village, township)) {
            String user = node == village ? "clerk" : "clerk2";
            Api api = Api.login(node.baseUrl(), user, SyncCluster.PASSWORD);
            JsonNode found = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> api.get("/api/matters?q=IT-001").json(),
                    rows -> rows.size() == 1);
            assertEquals(1, found.size(), node.baseUrl());
            assertEquals("测试新增事项（同步测试）", found.get(0).path("name").asText());
        }
        Api clerk = Api.login(village.baseUrl(), "clerk", SyncCluster.PASSWORD);
        assertEquals(1, clerk.get("/api/cases/" + caseNumbers.get(1)).json().path("catalogueVersion").asInt());
    }

    @Test
    @Order(4)
    void restartingTheVillageThreeTimesLosesNothing() {
        Path db = cluster.root.resolve("village").resolve("db");
        village.stop();
        long schemaScripts = DerbyFiles.count(db, "SELECT COUNT(*) FROM sy_schema_version");
        long triggers = DerbyFiles.count(db, "SELECT COUNT(*) FROM sym_trigger_hist");
        long cases = DerbyFiles.count(db, "SELECT COUNT(*) FROM sy_case");
        for (int restart = 0; restart < 3; restart++) {
            cluster.restart(village);
            SyncCluster.awaitRegistered(village, "clerk");
            village.stop();
        }
        assertEquals(schemaScripts, DerbyFiles.count(db, "SELECT COUNT(*) FROM sy_schema_version"));
        assertEquals(triggers, DerbyFiles.count(db, "SELECT COUNT(*) FROM sym_trigger_hist"));
        assertEquals(cases, DerbyFiles.count(db, "SELECT COUNT(*) FROM sy_case"));
        assertEquals(CASES, cases);
        cluster.restart(village);
    }

    @Test
    @Order(5)
    void townshipHoldsNothingOfTheVillage() {
        township.stop();
        Path db = cluster.root.resolve("township").resolve("db");
        String village = "'" + SyncCluster.VILLAGE + "'";
        assertEquals(0, DerbyFiles.count(db, "SELECT COUNT(*) FROM sy_case WHERE origin_point = " + village));
        assertEquals(0, DerbyFiles.count(db, "SELECT COUNT(*) FROM sy_case_material WHERE origin_point = " + village));
        assertEquals(0, DerbyFiles.count(db, "SELECT COUNT(*) FROM sy_case_event WHERE origin_point = " + village));
        assertEquals(0, DerbyFiles.count(db, "SELECT COUNT(*) FROM sy_staff WHERE point_code = " + village));
        assertEquals(0, DerbyFiles.count(db, "SELECT COUNT(*) FROM sy_staff WHERE point_code IS NULL"),
                "reviewers and admins stay at central");
        assertTrue(DerbyFiles.count(db, "SELECT COUNT(*) FROM sy_matter") > 0, "reference data did arrive");
        cluster.restart(township);
    }

    @Test
    @Order(6)
    void secondMachineClaimingTheVillageIsRefused() {
        ServerProcess clone = cluster.startNode("clone", SyncCluster.VILLAGE,
                cluster.issueToken(SyncCluster.VILLAGE, "register"));
        Api clerk = Api.login(clone.baseUrl(), "clerk", SyncCluster.PASSWORD);
        JsonNode state = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> clerk.get("/api/sync").json(),
                sync -> sync.path("problem").asText().contains("已由另一台设备注册"));
        assertFalse(state.path("registered").asBoolean(), state.toString());
        assertTrue(state.path("problem").asText().contains("已由另一台设备注册"), state.toString());
        clone.stop();
    }

    @Test
    @Order(7)
    void wipedVillageReregistersAndGetsItsCasesBack() throws Exception {
        village.stop();
        deleteTree(cluster.root.resolve("village"));
        village = cluster.restartWithToken(village, "village", SyncCluster.VILLAGE,
                cluster.issueToken(SyncCluster.VILLAGE, "reinstall"));
        SyncCluster.awaitRegistered(village, "clerk");

        Api clerk = Api.login(village.baseUrl(), "clerk", SyncCluster.PASSWORD);
        JsonNode back = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> clerk.get("/api/cases").json(),
                rows -> rows.size() >= CASES);
        assertEquals(CASES, back.size());

        Api.Response created = clerk.post("/api/cases", intake("赵六", 999));
        assertEquals(201, created.status(), created.body());
        String caseNo = created.json().path("caseNo").asText();
        assertFalse(caseNumbers.contains(caseNo), "a reinstalled node must not reissue " + caseNo);
        Api admin = Api.login(cluster.centralUrl(), "admin", SyncCluster.PASSWORD);
        JsonNode list = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> admin.get("/api/cases?q=" + SyncCluster.VILLAGE)
                .json(), rows -> rows.size() >= CASES + 1);
        assertEquals(CASES + 1, list.size(), "no duplicates at central");
    }

    private String remember(String idNumber) {
        idNumbers.add(idNumber);
        return idNumber;
    }

    @Test
    @Order(8)
    void logsHoldNoSecretOrFullIdNumber() throws Exception {
        List<Path> logs;
        try (var paths = java.nio.file.Files.walk(cluster.root)) {
            logs = paths.filter(path -> path.toString().endsWith(".log")).toList();
        }
        assertTrue(logs.size() >= 3, "expected the logs of central and both nodes, found " + logs);
        for (Path log : logs) {
            String text = java.nio.file.Files.readString(log, java.nio.charset.StandardCharsets.UTF_8);
            for (String id : idNumbers) {
                assertFalse(text.contains(id), log + " contains the ID number " + id);
            }
            for (String token : cluster.issuedTokens) {
                assertFalse(text.contains(token) || text.contains(token.replace("-", "")),
                        log + " contains a registration token");
            }
            assertFalse(text.contains(SyncCluster.PASSWORD), log + " contains the demo password");
            cluster.centralDatabasePassword().ifPresent(password ->
                    assertFalse(text.contains(password), log + " contains central's PostgreSQL password"));
        }
    }

    private static void deleteTree(Path folder) throws java.io.IOException {
        try (var paths = java.nio.file.Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(path);
            }
        }
    }
}
