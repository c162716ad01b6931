package cn.siyiban.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.governance.CancelledProof;
import cn.siyiban.core.governance.GovernanceStore;
import cn.siyiban.core.governance.MatterStatusChange;
import cn.siyiban.core.governance.MatterStatusStore;
import cn.siyiban.core.governance.MinimalLists;
import cn.siyiban.core.seed.DemoAccounts;
import cn.siyiban.node.settings.SettingsLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Governance rows and the service map at a node without a link to central: the rows are written
 * into the node's database as SymmetricDS would load them from central.
 */
class GovernanceAtNodeApiTest {

    private static final LocalDateTime DECIDED = LocalDateTime.of(2026, 1, 5, 9, 0);

    @RegisterExtension
    static final TestNode node = TestNode.perClass();
    private static ApiClient clerk;

    @BeforeAll
    static void setUp() {
        node.app.database().inTransaction(connection -> {
            GovernanceStore.insertProof(connection, new CancelledProof("p1", "SYM-023", "无犯罪记录证明",
                    "县政府清理证明事项通知", "admin", DECIDED));
            GovernanceStore.insertProof(connection, new CancelledProof("p2", null, "居住证明", null, "admin", DECIDED));
            GovernanceStore.insertProof(connection, new CancelledProof("p3", "SYM-001", "其他事项的证明", null, "admin",
                    DECIDED));
            GovernanceStore.putMinimalLists(connection, new MinimalLists("SYM-023", List.of("身份证", "户口簿"),
                    List.of("受理", "审核", "办结"), "admin", DECIDED));
            MatterStatusStore.insert(connection, new MatterStatusChange("s1", "SYM-013", true, "三年无办件", "admin",
                    DECIDED));
            return null;
        });
        clerk = node.client();
        clerk.login("clerk", DemoAccounts.PASSWORD);
    }

    @Test
    void matterListsCancelledProofs() {
        JsonNode matter = clerk.get("/api/matters/SYM-023").json();

        JsonNode proofs = matter.path("cancelledProofs");
        assertEquals(2, proofs.size(), proofs.toString());
        assertEquals("居住证明", proofs.get(0).path("name").asText());
        assertTrue(proofs.get(0).path("countyWide").asBoolean());
        assertEquals("无犯罪记录证明", proofs.get(1).path("name").asText());
        assertEquals("县政府清理证明事项通知", proofs.get(1).path("basis").asText());
        assertEquals(List.of("身份证", "户口簿"), List.of(matter.path("minimalMaterials").get(0).asText(),
                matter.path("minimalMaterials").get(1).asText()));
        assertEquals(3, matter.path("minimalSteps").size());
    }

    @Test
    void suspendedMatterRejectedAtIntake() {
        String id = TestNode.residentId("32132319800101123");
        ApiClient.Response response = clerk.post("/api/cases", Map.of("matterCode", "SYM-013",
                "applicant", Map.of("name", "孙八", "idType", "resident_id", "idNumber", id, "phone", "13905271234"),
                "materials", List.of(Map.of("materialId", "SYM-013-M01", "status", "received"),
                        Map.of("materialId", "SYM-013-M02", "status", "received")),
                "proxy", false));

        assertEquals(409, response.status(), response.body());
        assertEquals("matter_suspended", response.json().path("code").asText());
        assertTrue(response.json().path("message").asText().contains("已暂停办理"), response.body());
    }

    @Test
    void searchMarksSuspendedMatter() {
        JsonNode found = clerk.get("/api/matters?q=SYM-013").json();

        assertEquals(1, found.size(), found.toString());
        assertEquals("三年无办件", found.get(0).path("suspendedReason").asText());
        assertTrue(clerk.get("/api/matters?q=SYM-023").json().get(0).path("suspendedReason").isNull());
    }

    @Test
    void mapAnswersOffline() {
        JsonNode nearest = clerk.get("/api/map/nearest?village=" + SettingsLoader.DEMO_POINT_CODE).json();

        assertEquals(5, nearest.size());
        assertEquals(SettingsLoader.DEMO_POINT_CODE, nearest.get(0).path("point").path("code").asText());
    }

    @Test
    void mapPageAndScriptServed() {
        ApiClient.Response page = clerk.get("/map");
        ApiClient.Response script = clerk.get("/shared/service-map.js");

        assertEquals(200, page.status());
        assertTrue(page.body().contains("政务服务地图"), page.body());
        assertEquals(200, script.status());
        assertTrue(script.body().contains("/api/map/nearest"));
    }
}
