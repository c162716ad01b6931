package cn.siyiban.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The service map API at central: search by matter, nearest points, and the admin's point facts. */
class ServiceMapApiTest {

    /** 爱园镇, the township of the demo village. */
    private static final String TOWNSHIP = "321323101000";
    /** 王集镇 and its 王集居委会. */
    private static final String OTHER_TOWNSHIP = "321323102000";
    private static final String OTHER_VILLAGE = "321323102001";

    @RegisterExtension
    static final TestCentral central = TestCentral.perClass();

    @BeforeAll
    static void setUp() {
        ApiClient admin = central.loggedIn("admin");
        // 王集居委会 takes in only 失业登记; every other point keeps 全科受理.
        ApiClient.Response restricted = admin.put("/api/map/points/" + OTHER_VILLAGE + "/matters",
                Map.of("matterCodes", List.of("SYM-013")));
        if (restricted.status() != 200) {
            throw new IllegalStateException("restricting failed: " + restricted.body());
        }
    }

    private static List<String> codes(JsonNode points) {
        return StreamSupport.stream(points.spliterator(), false).map(p -> p.path("code").asText()).toList();
    }

    @Test
    void searchByMatterCountsPoints() {
        JsonNode hits = central.loggedIn("clerk").get("/api/map/matters?q="
                + URLEncoder.encode("最低生活", StandardCharsets.UTF_8)).json();
        JsonNode lowIncome = StreamSupport.stream(hits.spliterator(), false)
                .filter(hit -> hit.path("code").asText().equals("SYM-023")).findFirst().orElseThrow();

        assertEquals(257, lowIncome.path("pointCount").asInt(), hits.toString());
    }

    @Test
    void pointsOfMatterLeaveOutRestrictedPoint() {
        ApiClient clerk = central.loggedIn("clerk");

        List<String> lowIncome = codes(clerk.get("/api/map/points?matter=SYM-023").json());
        List<String> unemployment = codes(clerk.get("/api/map/points?matter=SYM-013").json());

        assertFalse(lowIncome.contains(OTHER_VILLAGE));
        assertTrue(unemployment.contains(OTHER_VILLAGE));
        assertEquals(258, unemployment.size());
    }

    @Test
    void nearestFollowsTownshipWithoutCoordinates() {
        JsonNode nearest = central.loggedIn("clerk").get("/api/map/nearest?village=" + OTHER_VILLAGE
                + "&matter=SYM-023&limit=3").json();

        assertEquals(3, nearest.size());
        assertEquals(OTHER_TOWNSHIP, nearest.get(0).path("point").path("code").asText());
        assertEquals(OTHER_TOWNSHIP, nearest.get(1).path("point").path("parentCode").asText());
        assertTrue(nearest.get(0).path("distanceKm").isNull());
    }

    @Test
    void adminSetsDetailsAndCoordinates() {
        ApiClient admin = central.loggedIn("admin");
        Map<String, Object> details = new HashMap<>();
        details.put("address", "泗阳县爱园镇人民路1号");
        details.put("officeHours", "周一至周五 8:30-12:00，14:00-17:30");
        details.put("phone", "0527-00000001");
        details.put("latitude", 33.72);
        details.put("longitude", 118.6);

        ApiClient.Response saved = admin.put("/api/map/points/" + TOWNSHIP + "/details", details);

        assertEquals(200, saved.status(), saved.body());
        JsonNode point = StreamSupport.stream(admin.get("/api/map/points").json().spliterator(), false)
                .filter(p -> p.path("code").asText().equals(TOWNSHIP)).findFirst().orElseThrow();
        assertEquals("泗阳县爱园镇人民路1号", point.path("address").asText());
        assertEquals(33.72, point.path("latitude").asDouble(), 0.000001);
    }

    @Test
    void invalidCoordinateRejected() {
        Map<String, Object> details = new HashMap<>();
        details.put("latitude", 133.0);
        details.put("longitude", 118.6);

        ApiClient.Response response = central.loggedIn("admin").put("/api/map/points/" + TOWNSHIP + "/details",
                details);

        assertEquals(422, response.status(), response.body());
        assertEquals("invalid_coordinate", response.json().path("code").asText());
    }

    @Test
    void clerkCannotEditPoints() {
        ApiClient.Response response = central.loggedIn("clerk").put("/api/map/points/" + TOWNSHIP + "/matters",
                Map.of("matterCodes", List.of()));

        assertEquals(403, response.status(), response.body());
    }

    @Test
    void nearestOfUnknownVillageNotFound() {
        ApiClient.Response response = central.loggedIn("clerk").get("/api/map/nearest?village=123");

        assertEquals(404, response.status(), response.body());
    }
}
