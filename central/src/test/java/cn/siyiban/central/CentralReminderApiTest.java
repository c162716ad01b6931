package cn.siyiban.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.reminders.ReminderSettings;
import cn.siyiban.core.testing.SmsGatewayStandIn;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Central's reminders: the result collection reminder through a real HTTP SMS gateway stand-in. */
class CentralReminderApiTest {

    private static SmsGatewayStandIn gateway;
    private static TestCentral central;
    private static ApiClient reviewer;
    private static ApiClient admin;

    @BeforeAll
    static void startCentral() {
        gateway = SmsGatewayStandIn.start("central-key-" + UUID.randomUUID());
        central = TestCentral.start(ReminderSettings.http(URI.create(gateway.url()), gateway.key(), 0));
        reviewer = central.loggedIn("reviewer");
        admin = central.loggedIn("admin");
    }

    @AfterAll
    static void stopCentral() {
        if (central != null) {
            central.close();
        }
        gateway.close();
    }

    private static JsonNode reminderOf(String caseNo) {
        for (JsonNode reminder : admin.get("/api/reminders").json().path("reminders")) {
            if (caseNo.equals(reminder.path("caseNo").asText())) {
                return reminder;
            }
        }
        throw new AssertionError("no reminder for case " + caseNo);
    }

    @Test
    void resultReadySendsCollectionReminderOnce() {
        String caseNo = central.villageCase("吴十");
        assertEquals(201, reviewer.post("/api/cases/" + caseNo + "/decisions", Map.of("decision", "approve")).status());
        central.app.reminders().runOnce();
        assertTrue(gateway.deliveries().stream().noneMatch(d -> d.body().contains(caseNo)),
                "reminded before the result was ready");

        assertEquals(201, reviewer.post("/api/cases/" + caseNo + "/decisions",
                Map.of("decision", "result_ready")).status());
        central.app.reminders().runOnce();
        central.app.reminders().runOnce();

        JsonNode reminder = reminderOf(caseNo);
        assertEquals("result_collection", reminder.path("kind").asText());
        assertEquals("sent", reminder.path("state").asText());
        assertEquals("139****1234", reminder.path("phone").asText());
        String id = reminder.path("id").asText();
        assertEquals(1, gateway.requests().stream().filter(r -> id.equals(r.idempotencyKey())).count());
        SmsGatewayStandIn.Received sent = gateway.deliveries().stream()
                .filter(r -> id.equals(r.idempotencyKey())).findFirst().orElseThrow();
        assertTrue(sent.body().contains("13905271234"), sent.body());
        assertTrue(sent.body().contains("已出结果，请携带身份证件到北爱园居委会"), sent.body());
    }

    @Test
    void centralNeverPlansSupplementReminders() {
        central.app.reminders().runOnce();

        for (JsonNode reminder : admin.get("/api/reminders").json().path("reminders")) {
            assertTrue(!"supplement_due".equals(reminder.path("kind").asText()), reminder.toString());
        }
    }

    @Test
    void reviewerCannotReadReminders() {
        assertEquals(403, reviewer.get("/api/reminders").status());
    }
}
