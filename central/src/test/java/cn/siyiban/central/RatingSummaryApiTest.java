package cn.siyiban.central;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.siyiban.core.time.CountyClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Date;
import java.sql.PreparedStatement;
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
 * The exact figures of {@code GET /api/ratings/summary} on a central of its own, with ratings
 * and rectification items in every state: open, overdue, due today, closed, annulled before
 * and after closing, and real-name or anonymous. The overview has no time window, so every
 * rating and item at central counts, whenever it arrived.
 */
class RatingSummaryApiTest {

    @RegisterExtension
    static final TestCentral central = TestCentral.perClass();
    private static ApiClient admin;

    @BeforeAll
    static void logIn() {
        admin = central.loggedIn("admin");
    }

    private static String arrive(int overall, boolean realName) {
        String id = UUID.randomUUID().toString();
        String caseNo = realName ? "TEST-" + id.substring(0, 8) : null;
        central.app.database().inTransaction(connection -> {
            TestCentral.insertRating(connection, id, TestCentral.VILLAGE, caseNo, "clerk", overall, realName);
            return null;
        });
        return id;
    }

    /** Sets the last working day of an item, as if it had arrived weeks ago or today. */
    private static void due(String ratingId, LocalDate dueOn) {
        central.app.database().inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE sy_rectification SET due_on = ? WHERE rating_id = ?")) {
                update.setDate(1, Date.valueOf(dueOn));
                update.setString(2, ratingId);
                return update.executeUpdate();
            }
        });
    }

    /** Records the steps of the closed loop in order, each through the API. */
    private static void steps(String ratingId, String... kinds) {
        for (String kind : kinds) {
            Map<String, Object> body = new HashMap<>();
            body.put("kind", kind);
            body.put("note", "测试步骤 " + kind);
            if (kind.equals("assign")) {
                body.put("assignee", "clerk2");
            }
            ApiClient.Response response = admin.post("/api/rectifications/" + ratingId + "/steps", body);
            assertEquals(201, response.status(), response.body());
        }
    }

    private static void annul(String ratingId) {
        ApiClient.Response response = admin.post("/api/ratings/" + ratingId + "/annulment",
                Map.of("reason", "测试作废"));
        assertEquals(201, response.status(), response.body());
    }

    @Test
    void summaryCountsEveryState() {
        LocalDate today = CountyClock.system().now().toLocalDate();
        arrive(5, true);
        arrive(5, false);
        annul(arrive(5, false));
        arrive(4, false);
        arrive(3, true);
        // Closed by a reply to the citizen: two real-name items and one anonymous item.
        steps(arrive(1, true), "verify", "rectify", "reply");
        steps(arrive(2, true), "assign", "verify", "rectify", "reply");
        steps(arrive(2, false), "verify", "rectify", "reply");
        // Open: waiting for the reply and overdue, assigned and overdue, due today, and new.
        String toReply = arrive(1, true);
        steps(toReply, "verify", "rectify");
        due(toReply, today.minusDays(1));
        String assigned = arrive(1, false);
        steps(assigned, "assign");
        due(assigned, today.minusDays(30));
        String dueToday = arrive(2, true);
        steps(arrive(1, false), "verify");
        // Annulled: an open item long past its deadline, and a closed item.
        String annulledOpen = arrive(1, true);
        due(annulledOpen, today.minusDays(30));
        annul(annulledOpen);
        String annulledClosed = arrive(2, true);
        steps(annulledClosed, "verify", "rectify", "reply");
        annul(annulledClosed);

        // The item due today is set just before the reads, and again if they ran past midnight,
        // when it would have become overdue.
        ApiClient.Response response;
        JsonNode statistics;
        LocalDate dueDay;
        do {
            dueDay = CountyClock.system().now().toLocalDate();
            due(dueToday, dueDay);
            response = admin.get("/api/ratings/summary");
            statistics = admin.get("/api/statistics").json();
        } while (!dueDay.equals(CountyClock.system().now().toLocalDate()));

        assertEquals(200, response.status(), response.body());
        JsonNode summary = response.json();
        List<String> fields = new ArrayList<>();
        summary.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("total", "annulled", "levels", "realNameBad", "followedUp", "followUpRate", "openItems",
                "overdueItems"), fields);
        assertEquals(11, summary.get("total").asInt(), summary.toString());
        assertEquals(3, summary.get("annulled").asInt(), summary.toString());
        assertEquals(List.of("5 非常满意 2", "4 满意 1", "3 基本满意 1", "2 不满意 3", "1 非常不满意 4"),
                levels(summary));
        assertEquals(4, summary.get("realNameBad").asInt(), summary.toString());
        assertEquals(2, summary.get("followedUp").asInt(), summary.toString());
        assertEquals(50.0, summary.get("followUpRate").asDouble(), 0.001);
        assertEquals(4, summary.get("openItems").asInt(), summary.toString());
        assertEquals(2, summary.get("overdueItems").asInt(), summary.toString());
        // The open list and the county statistics show the same figures.
        assertEquals(4, admin.get("/api/rectifications?status=open").json().get("total").asInt());
        assertEquals(summary, statistics.get("ratings"));
    }

    /** Returns each level as "level label count", best first. */
    private static List<String> levels(JsonNode summary) {
        List<String> levels = new ArrayList<>();
        summary.get("levels").forEach(level -> levels.add(level.get("level").asInt() + " "
                + level.get("label").asText() + " " + level.get("count").asInt()));
        return levels;
    }
}
