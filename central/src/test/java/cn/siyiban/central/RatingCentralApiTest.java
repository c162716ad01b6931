package cn.siyiban.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.calendar.CalendarStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 好差评 at central: ratings arrive as SymmetricDS would write them, bad ones open rectification
 * items, the items go through their closed loop, and annulled ratings stay in the record.
 */
class RatingCentralApiTest {

    /** 里仁居委会 and 朝阳居委会, villages of 爱园镇 that only the ranking test rates. */
    private static final String RANKED_BEST = "321323101004";
    private static final String RANKED_SECOND = "321323101005";

    @RegisterExtension
    static final TestCentral central = TestCentral.perClass();
    private static ApiClient admin;

    @BeforeAll
    static void logIn() {
        admin = central.loggedIn("admin");
    }

    /** Inserts a rating row into central's database, as SymmetricDS does when it loads a pushed batch. */
    private static String arrive(String point, String clerk, int overall, boolean realName) {
        String id = UUID.randomUUID().toString();
        String caseNo = realName ? "TEST-" + id.substring(0, 8) : null;
        central.app.database().inTransaction(connection -> {
            TestCentral.insertRating(connection, id, point, caseNo, clerk, overall, realName);
            return null;
        });
        return id;
    }

    private static int count(String sql, String value) {
        return central.app.database().query(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, value);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }

    private static int items(String ratingId) {
        return count("SELECT COUNT(*) FROM sy_rectification WHERE rating_id = ?", ratingId);
    }

    private static ApiClient.Response step(String ratingId, String kind, String assignee, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("assignee", assignee);
        body.put("note", note);
        return admin.post("/api/rectifications/" + ratingId + "/steps", body);
    }

    @Test
    void oneAndTwoStarRatingsOpenItem() {
        for (int level = 1; level <= 2; level++) {
            String id = arrive(TestCentral.VILLAGE, "clerk", level, true);

            assertEquals(1, items(id), "level " + level);
            ApiClient.Response item = admin.get("/api/rectifications/" + id);
            assertEquals(200, item.status(), item.body());
            assertEquals("to_verify", item.json().get("status").asText());
            assertEquals("待核实", item.json().get("statusLabel").asText());
            assertEquals("verify", item.json().get("nextStep").asText());
        }
    }

    @Test
    void goodRatingsOpenNoItem() {
        for (int level = 3; level <= 5; level++) {
            String id = arrive(TestCentral.VILLAGE, "clerk", level, true);

            assertEquals(0, items(id), "level " + level);
            assertEquals(404, admin.get("/api/rectifications/" + id).status());
        }
    }

    @Test
    void deadlineIsFiveWorkingDays() {
        String id = arrive(TestCentral.VILLAGE, "clerk", 1, false);

        JsonNode item = admin.get("/api/rectifications/" + id).json();

        LocalDate opened = LocalDate.parse(item.get("openedAt").asText().substring(0, 10));
        LocalDate expected = new CalendarStore(central.app.database()).calendar().addWorkingDays(opened, 5);
        assertEquals(expected.toString(), item.get("dueOn").asText());
        assertEquals(5, central.app.settings().rectificationWorkingDays());
        assertFalse(item.get("overdue").asBoolean());
    }

    @Test
    void redeliveredRatingOpensNoSecondItem() {
        String id = arrive(TestCentral.VILLAGE, "clerk", 2, false);

        // SymmetricDS turns a failed insert of a row central already has into an update.
        central.app.database().inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE sy_rating SET overall = 2 WHERE id = ?")) {
                update.setString(1, id);
                update.executeUpdate();
            }
            return null;
        });
        boolean duplicateRejected = false;
        try {
            central.app.database().inTransaction(connection -> {
                TestCentral.insertRating(connection, id, TestCentral.VILLAGE, null, "clerk", 2, false);
                return null;
            });
        } catch (RuntimeException e) {
            duplicateRejected = true;
        }

        assertTrue(duplicateRejected);
        assertEquals(1, items(id));
    }

    @Test
    void loopRunsVerifyRectifyReply() {
        String id = arrive(TestCentral.VILLAGE, "clerk", 1, true);

        ApiClient.Response early = step(id, "reply", null, "已电话回复");
        assertEquals(409, early.status(), early.body());
        assertEquals("rectification_step_out_of_order", early.json().get("code").asText());

        ApiClient.Response assigned = step(id, "assign", "clerk2", "请爱园镇便民服务中心核实");
        assertEquals(201, assigned.status(), assigned.body());
        assertEquals("clerk2", assigned.json().get("assignee").asText());
        assertEquals("to_verify", assigned.json().get("status").asText());

        assertEquals("to_rectify", step(id, "verify", null, "经核实，排队时间过长属实").json().get("status").asText());
        assertEquals("to_reply", step(id, "rectify", null, "高峰期增开一个窗口").json().get("status").asText());
        JsonNode closed = step(id, "reply", null, "已电话告知群众整改情况，群众表示认可").json();
        assertEquals("closed", closed.get("status").asText());
        assertEquals(4, closed.get("steps").size());
        assertEquals("admin", closed.get("steps").get(3).get("actedBy").asText());

        ApiClient.Response after = step(id, "assign", "clerk", "改派");
        assertEquals(409, after.status(), after.body());
        assertEquals("rectification_closed", after.json().get("code").asText());
    }

    @Test
    void stepInputIsChecked() {
        String id = arrive(TestCentral.VILLAGE, "clerk", 2, false);

        ApiClient.Response noNote = step(id, "verify", null, " ");
        ApiClient.Response unknownKind = step(id, "close", null, "结束");
        ApiClient.Response unknownOwner = step(id, "assign", "nobody", "指派");

        assertEquals(422, noNote.status(), noNote.body());
        assertEquals("note_missing", noNote.json().get("code").asText());
        assertEquals(422, unknownKind.status(), unknownKind.body());
        assertEquals("invalid_step_kind", unknownKind.json().get("code").asText());
        assertEquals(422, unknownOwner.status(), unknownOwner.body());
        assertEquals("unknown_staff", unknownOwner.json().get("code").asText());
    }

    @Test
    void annulledRatingStaysInRecord() {
        String id = arrive(TestCentral.VILLAGE, "clerk", 1, true);

        ApiClient.Response annulled = admin.post("/api/ratings/" + id + "/annulment",
                Map.of("reason", "群众误触，本人到场确认为满意"));

        assertEquals(201, annulled.status(), annulled.body());
        assertEquals(1, count("SELECT COUNT(*) FROM sy_rating WHERE id = ?", id));
        assertEquals(1, items(id));
        JsonNode rating = admin.get("/api/ratings/" + id).json();
        assertEquals(1, rating.get("rating").get("overall").asInt());
        assertEquals("admin", rating.get("annulment").get("annulledBy").asText());
        assertEquals("群众误触，本人到场确认为满意", rating.get("annulment").get("reason").asText());
        assertNotNull(rating.get("annulment").get("annulledAt").asText());
        JsonNode item = admin.get("/api/rectifications/" + id).json();
        assertEquals("annulled", item.get("status").asText());
        assertTrue(item.get("nextStep").isNull());
        ApiClient.Response again = admin.post("/api/ratings/" + id + "/annulment", Map.of("reason", "重复"));
        assertEquals(409, again.status(), again.body());
        assertEquals("rating_already_annulled", again.json().get("code").asText());
    }

    @Test
    void annulmentNeedsReason() {
        String id = arrive(TestCentral.VILLAGE, "clerk", 2, false);

        ApiClient.Response response = admin.post("/api/ratings/" + id + "/annulment", Map.of("reason", ""));

        assertEquals(422, response.status(), response.body());
        assertEquals("reason_missing", response.json().get("code").asText());
        assertEquals(0, count("SELECT COUNT(*) FROM sy_rating_annulment WHERE rating_id = ?", id));
    }

    @Test
    void followUpRateCountsRealNameBadRatings() {
        JsonNode before = admin.get("/api/ratings/summary").json();
        String answered = arrive(TestCentral.VILLAGE, "clerk", 1, true);
        arrive(TestCentral.VILLAGE, "clerk", 2, true);
        arrive(TestCentral.VILLAGE, "clerk", 2, false);
        String annulled = arrive(TestCentral.VILLAGE, "clerk", 1, true);
        step(answered, "verify", null, "属实");
        step(answered, "rectify", null, "已整改");
        step(answered, "reply", null, "已回复");
        admin.post("/api/ratings/" + annulled + "/annulment", Map.of("reason", "恶意评价"));

        JsonNode after = admin.get("/api/ratings/summary").json();

        assertEquals(before.get("realNameBad").asInt() + 2, after.get("realNameBad").asInt(), after.toString());
        assertEquals(before.get("followedUp").asInt() + 1, after.get("followedUp").asInt(), after.toString());
        assertEquals(before.get("annulled").asInt() + 1, after.get("annulled").asInt(), after.toString());
        assertEquals(before.get("total").asInt() + 3, after.get("total").asInt(), after.toString());
        double expectedRate = Math.round(1000.0 * after.get("followedUp").asInt() / after.get("realNameBad").asInt())
                / 10.0;
        assertEquals(expectedRate, after.get("followUpRate").asDouble(), 0.001);
    }

    @Test
    void rankingOrdersPointsAndLeavesOutAnnulled() {
        arrive(RANKED_BEST, "rank-best", 5, false);
        arrive(RANKED_BEST, "rank-best", 5, false);
        String mistaken = arrive(RANKED_BEST, "rank-best", 1, false);
        admin.post("/api/ratings/" + mistaken + "/annulment", Map.of("reason", "误评"));
        arrive(RANKED_SECOND, "rank-second", 4, false);
        arrive(RANKED_SECOND, "rank-second", 3, false);

        JsonNode ranking = admin.get("/api/ratings/ranking").json();

        List<String> points = new ArrayList<>();
        ranking.get("points").forEach(point -> points.add(point.get("pointCode").asText()));
        assertTrue(points.indexOf(RANKED_BEST) < points.indexOf(RANKED_SECOND), points.toString());
        JsonNode best = ranking.get("points").get(points.indexOf(RANKED_BEST));
        assertEquals(2, best.get("count").asInt());
        assertEquals(5.0, best.get("average").asDouble(), 0.001);
        assertEquals("里仁居委会", best.get("pointName").asText());
        JsonNode clerk = null;
        for (JsonNode entry : ranking.get("clerks")) {
            if (entry.get("clerk").asText().equals("rank-second")) {
                clerk = entry;
            }
        }
        assertNotNull(clerk, ranking.toString());
        assertEquals(3.5, clerk.get("average").asDouble(), 0.001);
    }

    @Test
    void reviewerIsForbidden() {
        ApiClient reviewer = central.loggedIn("reviewer");

        assertEquals(403, reviewer.get("/api/rectifications").status());
        assertEquals(403, reviewer.get("/api/ratings/ranking").status());
    }

    @Test
    void openFilterLeavesOutClosedItems() {
        String annulled = arrive(TestCentral.VILLAGE, "clerk", 1, false);
        admin.post("/api/ratings/" + annulled + "/annulment", Map.of("reason", "测试数据"));
        String open = arrive(TestCentral.VILLAGE, "clerk", 1, false);

        JsonNode list = admin.get("/api/rectifications?status=open&size=" + 200).json();

        List<String> ids = ratingIds(list);
        assertTrue(ids.contains(open), ids.toString());
        assertFalse(ids.contains(annulled), ids.toString());
        assertEquals(ids.size(), list.get("total").asInt(), list.toString());
    }

    @Test
    void listPagesThroughEveryItem() {
        for (int i = 0; i < 7; i++) {
            arrive(TestCentral.VILLAGE, "clerk", 2, false);
        }
        int total = admin.get("/api/rectifications?size=1").json().get("total").asInt();
        assertTrue(total >= 7, "total " + total);

        List<String> seen = new ArrayList<>();
        int pages = (total + 2) / 3;
        for (int page = 1; page <= pages; page++) {
            JsonNode list = admin.get("/api/rectifications?page=" + page + "&size=3").json();
            assertEquals(page, list.get("page").asInt());
            assertEquals(3, list.get("size").asInt());
            assertEquals(total, list.get("total").asInt());
            assertEquals(page < pages ? 3 : total - 3 * (pages - 1), list.get("items").size(), list.toString());
            seen.addAll(ratingIds(list));
        }
        JsonNode pastEnd = admin.get("/api/rectifications?page=" + (pages + 1) + "&size=3").json();
        assertEquals(0, pastEnd.get("items").size(), pastEnd.toString());
        assertEquals(total, pastEnd.get("total").asInt());

        JsonNode everything = admin.get("/api/rectifications?size=200").json();
        assertEquals(ratingIds(everything), seen);
    }

    @Test
    void listDefaultsToFiftyItems() {
        JsonNode list = admin.get("/api/rectifications").json();

        assertEquals(1, list.get("page").asInt());
        assertEquals(50, list.get("size").asInt());
        assertTrue(list.get("items").size() <= 50, list.toString());
    }

    @Test
    void listRejectsInvalidPaging() {
        for (String query : List.of("page=0", "page=abc", "size=0", "size=201", "size=-5")) {
            ApiClient.Response response = admin.get("/api/rectifications?" + query);
            assertEquals(422, response.status(), query + ": " + response.body());
            String field = query.substring(0, query.indexOf('='));
            assertEquals("invalid_" + field, response.json().get("code").asText(), query);
            assertEquals(field, response.json().get("details").get("field").asText(), query);
        }
    }

    private static List<String> ratingIds(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("items").forEach(item -> ids.add(item.get("ratingId").asText()));
        return ids;
    }
}
