package cn.siyiban.core.reminders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends reminders through an HTTP SMS gateway: one {@code POST} of JSON
 * {@code {"idempotencyKey", "phone", "message"}} to the configured URL, with the key in the
 * {@code Authorization: Bearer} header and the reminder id in the {@code Idempotency-Key} header.
 * Any 2xx status counts as accepted; anything else, a timeout or a refused connection is a failed
 * attempt that the outbox retries. The gateway must drop a request whose key it has already
 * accepted, which is what makes a resend after a crash harmless.
 */
public final class HttpSmsSender implements ReminderSender {

    /** Time allowed to connect and, separately, for the gateway's response. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final String key;
    private final HttpClient client;

    /** @param key the gateway's API key; it is sent in a header only and never logged */
    public HttpSmsSender(URI url, String key) {
        this.url = url;
        this.key = key;
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public void send(Reminder reminder) throws SendException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + key)
                .header("Idempotency-Key", reminder.id())
                .POST(HttpRequest.BodyPublishers.ofString(body(reminder)))
                .build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // The exception text names the host at most, never the body with the phone.
            throw new SendException("SMS gateway unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendException("interrupted while sending to the SMS gateway", e);
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new SendException("SMS gateway returned HTTP " + status);
        }
    }

    private static String body(Reminder reminder) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("idempotencyKey", reminder.id());
        body.put("phone", reminder.phone());
        body.put("message", reminder.message());
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the SMS request body", e);
        }
    }
}
