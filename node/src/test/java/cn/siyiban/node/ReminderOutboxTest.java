package cn.siyiban.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.reminders.ReminderSettings;
import cn.siyiban.core.seed.DemoAccounts;
import cn.siyiban.core.testing.LogCapture;
import cn.siyiban.core.testing.SmsGatewayStandIn;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.node.settings.NodeSettings;
import cn.siyiban.node.settings.SettingsLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The node's reminder outbox against a real HTTP SMS gateway stand-in on 127.0.0.1. A 容缺
 * supplement reminder is sent once, also across a restart and a crash between send and mark.
 * Failed sends retry after their back-off, and no log line contains the citizen's full phone.
 */
class ReminderOutboxTest {

    /** The phone of {@link IntakeApiTest#subsistenceIntake}. */
    private static final String PHONE = "13905271234";

    private static SmsGatewayStandIn gateway;

    @BeforeAll
    static void startGateway() {
        gateway = SmsGatewayStandIn.start("test-key-" + UUID.randomUUID());
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    /** Returns settings of a node whose outbox never runs by itself, so each test runs it with {@code runOnce}. */
    private static NodeSettings settings(Path dir, ReminderSettings reminders) {
        return NodeSettings.demo(dir, SettingsLoader.DEMO_POINT_CODE).withReminders(reminders);
    }

    private static NodeSettings httpSettings() throws IOException {
        return settings(Files.createTempDirectory(Path.of("").toAbsolutePath(), "node-test-"),
                ReminderSettings.http(URI.create(gateway.url()), gateway.key(), 0));
    }

    private static NodeApp start(NodeSettings settings) {
        NodeApp app = NodeApp.create(settings);
        app.start();
        return app;
    }

    private static ApiClient clerk(NodeApp app) {
        ApiClient clerk = new ApiClient("http://127.0.0.1:" + app.port());
        clerk.login("clerk", DemoAccounts.PASSWORD);
        return clerk;
    }

    /** Takes in a case with a material missing until tomorrow, so its reminder is due today. */
    private static String intakeDueTomorrow(ApiClient clerk) {
        Map<String, Object> body = IntakeApiTest.subsistenceIntake("张三",
                TestNode.residentId("32132319800101123"), UUID.randomUUID().toString());
        body.put("supplementDue", CountyClock.system().now().toLocalDate().plusDays(1).toString());
        ApiClient.Response created = clerk.post("/api/cases", body);
        assertEquals(201, created.status(), created.body());
        return created.json().path("caseNo").asText();
    }

    private static JsonNode reminderOf(ApiClient clerk, String caseNo) {
        for (JsonNode reminder : clerk.get("/api/reminders").json().path("reminders")) {
            if (caseNo.equals(reminder.path("caseNo").asText())) {
                return reminder;
            }
        }
        throw new AssertionError("no reminder for case " + caseNo);
    }

    private static long requestsWithKey(String key) {
        return gateway.requests().stream().filter(request -> key.equals(request.idempotencyKey())).count();
    }

    private static long deliveriesWithKey(String key) {
        return gateway.deliveries().stream().filter(request -> key.equals(request.idempotencyKey())).count();
    }

    /**
     * Sets the reminder of {@code caseNo} to {@code state} and moves its next attempt into the
     * past, as if its wait had passed.
     */
    private static void makeDue(NodeApp app, String caseNo, String state) {
        app.database().inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sy_reminder SET state = ?, "
                    + "sent_at = NULL, next_attempt_at = ? WHERE case_no = ?")) {
                update.setString(1, state);
                update.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now().minusDays(1)));
                update.setString(3, caseNo);
                return update.executeUpdate();
            }
        });
    }

    /** Moves every time of the reminder of {@code caseNo} a day back, as if the node restarted a day later. */
    private static void dayLater(NodeApp app, String caseNo) {
        app.database().inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sy_reminder SET "
                    + "next_attempt_at = ?, sent_at = ?, created_at = ? WHERE case_no = ?")) {
                Timestamp dayAgo = Timestamp.valueOf(LocalDateTime.now().minusDays(1));
                update.setTimestamp(1, dayAgo);
                update.setTimestamp(2, dayAgo);
                update.setTimestamp(3, dayAgo);
                update.setString(4, caseNo);
                return update.executeUpdate();
            }
        });
    }

    @Test
    void reminderSentOnceAcrossRestart() throws IOException {
        NodeSettings settings = httpSettings();
        NodeApp first = start(settings);
        String caseNo;
        String id;
        try {
            ApiClient clerk = clerk(first);
            caseNo = intakeDueTomorrow(clerk);

            assertEquals(1, first.reminders().runOnce());
            JsonNode reminder = reminderOf(clerk, caseNo);
            id = reminder.path("id").asText();
            assertEquals("sent", reminder.path("state").asText(), reminder.toString());
            assertEquals("supplement_due", reminder.path("kind").asText());
            assertEquals(0, first.reminders().runOnce());
        } finally {
            first.stop();
        }

        NodeApp second = start(settings);
        try {
            dayLater(second, caseNo);
            assertEquals(0, second.reminders().runOnce());
            assertEquals(1, requestsWithKey(id));
            assertEquals(1, deliveriesWithKey(id));
            JsonNode reminder = reminderOf(clerk(second), caseNo);
            assertEquals("sent", reminder.path("state").asText());
            assertEquals(1, reminder.path("attempts").asInt());
        } finally {
            second.stop();
        }
    }

    @Test
    void crashBeforeMarkResendsSameKey() throws IOException {
        NodeSettings settings = httpSettings();
        NodeApp first = start(settings);
        String caseNo;
        try {
            caseNo = intakeDueTomorrow(clerk(first));
            assertEquals(1, first.reminders().runOnce());
            // The row as a crash after the gateway accepted and before markSent leaves it,
            // once its next attempt is due.
            makeDue(first, caseNo, "sending");
        } finally {
            first.stop();
        }

        NodeApp second = start(settings);
        try {
            assertEquals(1, second.reminders().runOnce());
            JsonNode reminder = reminderOf(clerk(second), caseNo);
            String id = reminder.path("id").asText();
            assertEquals("sent", reminder.path("state").asText());
            assertEquals(2, requestsWithKey(id));
            assertEquals(1, deliveriesWithKey(id));
        } finally {
            second.stop();
        }
    }

    @Test
    void failedSendRetriesAfterBackoff() throws IOException {
        NodeApp app = start(httpSettings());
        try {
            ApiClient clerk = clerk(app);
            String caseNo = intakeDueTomorrow(clerk);
            gateway.failNext(1);

            assertEquals(0, app.reminders().runOnce());
            JsonNode failed = reminderOf(clerk, caseNo);
            String id = failed.path("id").asText();
            assertEquals("pending", failed.path("state").asText(), failed.toString());
            assertEquals(1, failed.path("attempts").asInt());
            assertEquals("SMS gateway returned HTTP 503", failed.path("lastError").asText());
            LocalDateTime created = LocalDateTime.parse(failed.path("createdAt").asText());
            LocalDateTime next = LocalDateTime.parse(failed.path("nextAttemptAt").asText());
            assertFalse(next.isBefore(created.plusMinutes(1)), failed.toString());

            assertEquals(0, app.reminders().runOnce());
            assertEquals(1, requestsWithKey(id));

            makeDue(app, caseNo, "pending");
            assertEquals(1, app.reminders().runOnce());
            JsonNode sent = reminderOf(clerk, caseNo);
            assertEquals("sent", sent.path("state").asText());
            assertEquals(2, sent.path("attempts").asInt());
            assertTrue(sent.path("lastError").isNull(), sent.toString());
            assertEquals(2, requestsWithKey(id));
            assertEquals(1, deliveriesWithKey(id));
        } finally {
            app.stop();
        }
    }

    @Test
    void giveUpThenRetryByHand() throws IOException {
        NodeApp app = start(httpSettings());
        try {
            ApiClient clerk = clerk(app);
            String caseNo = intakeDueTomorrow(clerk);
            gateway.failNext(1_000);
            for (int attempt = 1; attempt <= 10; attempt++) {
                makeDue(app, caseNo, "pending");
                app.reminders().runOnce();
            }
            JsonNode failed = reminderOf(clerk, caseNo);
            assertEquals("failed", failed.path("state").asText(), failed.toString());
            assertEquals(10, failed.path("attempts").asInt());
            assertEquals(1, clerk.get("/api/reminders").json().path("counts").path("failed").asInt());

            gateway.failNext(0);
            ApiClient.Response retried = clerk.post("/api/reminders/" + failed.path("id").asText() + "/retry", "{}");
            assertEquals(200, retried.status(), retried.body());
            assertEquals("pending", retried.json().path("state").asText());
            assertEquals(1, app.reminders().runOnce());
            assertEquals("sent", reminderOf(clerk, caseNo).path("state").asText());
        } finally {
            app.stop();
        }
    }

    @Test
    void phoneMaskedInLogsAndApi() throws IOException {
        Path dir = Files.createTempDirectory(Path.of("").toAbsolutePath(), "node-test-");
        NodeApp app = start(settings(dir, new ReminderSettings("log", null, null, 0)));
        try (LogCapture logs = LogCapture.attach()) {
            ApiClient clerk = clerk(app);
            String caseNo = intakeDueTomorrow(clerk);

            assertEquals(1, app.reminders().runOnce());

            List<String> lines = logs.messages();
            List<String> reminderLines = lines.stream().filter(line -> line.contains(caseNo)
                    && line.startsWith("Reminder ")).toList();
            assertTrue(reminderLines.stream().anyMatch(line -> line.contains("139****1234")),
                    String.join("\n", lines));
            assertTrue(lines.stream().noneMatch(line -> line.contains(PHONE)), String.join("\n", lines));
            JsonNode reminder = reminderOf(clerk, caseNo);
            assertEquals("139****1234", reminder.path("phone").asText());
            assertTrue(reminder.path("message").asText().contains("请于" + dateText(LocalDate.now(CountyClock.ZONE)
                    .plusDays(1)) + "前"), reminder.toString());
        } finally {
            app.stop();
        }
    }

    private static String dateText(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
