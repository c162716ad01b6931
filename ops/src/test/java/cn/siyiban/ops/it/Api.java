package cn.siyiban.ops.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A logged-in client of a node's or central's JSON API, sending the CSRF token on every post. */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** A response's status and body. */
    public record Response(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (HTTP " + status + "): " + body, e);
            }
        }
    }

    private final String baseUrl;
    private final HttpClient http;
    private String csrfToken = "";

    Api(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static Api login(String baseUrl, String username, String password) {
        Api api = new Api(baseUrl);
        Response response = api.post("/api/login", JSON.createObjectNode().put("username", username)
                .put("password", password));
        if (response.status() != 200) {
            throw new IllegalStateException("login of " + username + " at " + baseUrl + " failed: " + response);
        }
        api.csrfToken = response.json().path("csrfToken").asText();
        return api;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** Sends a GET with one extra header, such as the node's local API token. */
    public Response get(String path, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header(header, value).GET());
    }

    public Response post(String path, Object body) {
        try {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/json")
                    .header("X-CSRF-Token", csrfToken)
                    .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response put(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/json")
                    .header("X-CSRF-Token", csrfToken)
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("request to " + baseUrl + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
