package cn.siyiban.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.seed.DemoAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 好差评 at the node through its API, against real Derby and Jetty. */
class RatingApiTest {

    @RegisterExtension
    static final TestNode node = TestNode.perClass();
    private static ApiClient clerk;

    @BeforeAll
    static void logIn() {
        clerk = node.client();
        clerk.login("clerk", DemoAccounts.PASSWORD);
    }

    static Map<String, Object> rating(String id, String caseNo, Integer overall) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("caseNo", caseNo);
        body.put("overall", overall);
        return body;
    }

    private static String takeInCase(String name, String first17) {
        ApiClient.Response created = clerk.post("/api/cases", IntakeApiTest.subsistenceIntake(name,
                TestNode.residentId(first17), UUID.randomUUID().toString()));
        assertEquals(201, created.status(), created.body());
        return created.json().get("caseNo").asText();
    }

    @Test
    void everyLevelIsAccepted() {
        for (int level = 1; level <= 5; level++) {
            String id = UUID.randomUUID().toString();
            ApiClient.Response response = clerk.post("/api/ratings", rating(id, null, level));

            assertEquals(201, response.status(), "level " + level + ": " + response.body());
            assertEquals(level, response.json().get("overall").asInt());
            assertEquals(1, node.count("SELECT COUNT(*) FROM sy_rating WHERE id = ?", id), "level " + level);
        }
    }

    @Test
    void badRatingWithoutCommentIsAccepted() {
        Map<String, Object> body = rating(UUID.randomUUID().toString(), null, 1);
        body.put("attitude", 2);
        body.put("comment", "   ");

        ApiClient.Response response = clerk.post("/api/ratings", body);

        assertEquals(201, response.status(), response.body());
        assertEquals("非常不满意", response.json().get("overallLabel").asText());
        assertEquals(2, response.json().get("attitude").asInt());
        assertTrue(response.json().get("efficiency").isNull());
        assertTrue(response.json().get("comment").isNull());
        assertFalse(response.json().get("realName").asBoolean());
    }

    @Test
    void caseRatingIsTiedToCaseAndClerk() {
        String caseNo = takeInCase("吴一", "32132319800101301");
        Map<String, Object> body = rating(UUID.randomUUID().toString(), caseNo, 2);
        body.put("efficiency", 3);
        body.put("competence", 4);
        body.put("attitude", 1);
        body.put("comment", "排队时间太长");

        ApiClient.Response response = clerk.post("/api/ratings", body);

        assertEquals(201, response.status(), response.body());
        assertEquals(caseNo, response.json().get("caseNo").asText());
        assertEquals("clerk", response.json().get("clerk").asText());
        assertTrue(response.json().get("realName").asBoolean());
        assertEquals("排队时间太长", response.json().get("comment").asText());
        JsonNode ofCase = clerk.get("/api/cases/" + caseNo + "/rating").json().get("rating");
        assertEquals("不满意", ofCase.get("overallLabel").asText());
        assertFalse(ofCase.get("annulled").asBoolean());
    }

    @Test
    void unratedCaseHasNoRating() {
        String caseNo = takeInCase("吴二", "32132319800101302");

        ApiClient.Response response = clerk.get("/api/cases/" + caseNo + "/rating");

        assertEquals(200, response.status(), response.body());
        assertTrue(response.json().get("rating").isNull());
    }

    @Test
    void doubleSubmitReturnsSavedRating() {
        String caseNo = takeInCase("吴三", "32132319800101303");
        String id = UUID.randomUUID().toString();

        ApiClient.Response first = clerk.post("/api/ratings", rating(id, caseNo, 5));
        ApiClient.Response second = clerk.post("/api/ratings", rating(id, caseNo, 4));

        assertEquals(201, first.status(), first.body());
        assertEquals(200, second.status(), second.body());
        assertEquals(5, second.json().get("overall").asInt());
        assertEquals(1, node.count("SELECT COUNT(*) FROM sy_rating WHERE case_no = ?", caseNo));
    }

    @Test
    void secondRatingOfCaseIsRejected() {
        String caseNo = takeInCase("吴四", "32132319800101304");
        clerk.post("/api/ratings", rating(UUID.randomUUID().toString(), caseNo, 3));

        ApiClient.Response second = clerk.post("/api/ratings", rating(UUID.randomUUID().toString(), caseNo, 1));

        assertEquals(409, second.status(), second.body());
        assertEquals("case_already_rated", second.json().get("code").asText());
        assertTrue(second.json().get("message").asText().contains("只能评价一次"), second.body());
        assertEquals(1, node.count("SELECT COUNT(*) FROM sy_rating WHERE case_no = ?", caseNo));
    }

    @Test
    void visitIdOfAnotherCaseIsRejected() {
        String id = UUID.randomUUID().toString();
        clerk.post("/api/ratings", rating(id, null, 4));

        ApiClient.Response reused = clerk.post("/api/ratings", rating(id, takeInCase("吴五", "32132319800101305"), 4));

        assertEquals(409, reused.status(), reused.body());
        assertEquals("rating_id_taken", reused.json().get("code").asText());
    }

    @Test
    void invalidInputIs422() {
        Map<String, ApiClient.Response> responses = new HashMap<>();
        responses.put("invalid_rating_level", clerk.post("/api/ratings", rating(UUID.randomUUID().toString(), null, 6)));
        responses.put("rating_level_missing", clerk.post("/api/ratings", rating(UUID.randomUUID().toString(), null, null)));
        responses.put("invalid_rating_id", clerk.post("/api/ratings", rating("not-a-uuid", null, 3)));
        Map<String, Object> longComment = rating(UUID.randomUUID().toString(), null, 3);
        longComment.put("comment", "长".repeat(501));
        responses.put("comment_too_long", clerk.post("/api/ratings", longComment));

        responses.forEach((code, response) -> {
            assertEquals(422, response.status(), code + ": " + response.body());
            assertEquals(code, response.json().get("code").asText(), response.body());
        });
    }

    @Test
    void unknownCaseIs404() {
        ApiClient.Response response = clerk.post("/api/ratings", rating(UUID.randomUUID().toString(),
                "SY3213231234562026120400001", 3));

        assertEquals(404, response.status(), response.body());
        assertEquals("case_not_found", response.json().get("code").asText());
    }

    @Test
    void reviewerMayNotRate() {
        ApiClient reviewer = node.client();
        reviewer.login("reviewer", DemoAccounts.PASSWORD);

        ApiClient.Response response = reviewer.post("/api/ratings", rating(UUID.randomUUID().toString(), null, 5));

        assertEquals(403, response.status(), response.body());
    }

    @Test
    void clerkStarsLeaveOutAnnulledRatings() {
        JsonNode before = ownClerk(clerk.get("/api/clerk-stars").json());
        int count = before.get("count").asInt();
        String annulled = UUID.randomUUID().toString();
        clerk.post("/api/ratings", rating(annulled, null, 1));
        assertEquals(count + 1, ownClerk(clerk.get("/api/clerk-stars").json()).get("count").asInt());

        // Central writes the annulment; SymmetricDS delivers it to the rating's point like this.
        node.app.database().inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_rating_annulment "
                    + "(rating_id, origin_point, reason, annulled_by, annulled_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, annulled);
                insert.setString(2, node.app.settings().pointCode());
                insert.setString(3, "误操作");
                insert.setString(4, "admin");
                insert.setTimestamp(5, Timestamp.valueOf(LocalDateTime.now()));
                insert.executeUpdate();
            }
            return null;
        });

        JsonNode after = ownClerk(clerk.get("/api/clerk-stars").json());
        assertEquals(count, after.get("count").asInt(), after.toString());
        assertEquals(1, node.count("SELECT COUNT(*) FROM sy_rating WHERE id = ?", annulled));
    }

    @Test
    void clerkStarsListOnlyThisPointsClerks() {
        JsonNode stars = clerk.get("/api/clerk-stars").json();

        assertEquals(1, stars.size(), stars.toString());
        assertEquals("演示代办员", stars.get(0).get("displayName").asText());
    }

    private static JsonNode ownClerk(JsonNode stars) {
        for (JsonNode star : stars) {
            if (star.get("username").asText().equals("clerk")) {
                return star;
            }
        }
        throw new AssertionError("clerk missing from " + stars);
    }
}
