package cn.siyiban.central.cli;

import cn.siyiban.central.cli.CentralCli.CommandFailure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A client of central's JSON API on this machine, logged in as a county admin when needed. */
final class CentralClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String csrfToken = "";

    CentralClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Returns the body of {@code GET /health}, or null if central does not respond. */
    JsonNode health() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return JSON.readTree(response.body());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    void login(String username, String password) {
        JsonNode session = post("/api/login", Map.of("username", username, "password", password));
        csrfToken = session.path("csrfToken").asText();
    }

    /** Posts JSON and returns the response body; a 4xx or 5xx ends the command with central's message. */
    JsonNode post(String path, Object body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("X-CSRF-Token", csrfToken)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() >= 400) {
                throw new CommandFailure(CentralCli.FAILED, path + " 失败（HTTP " + response.statusCode() + "）："
                        + answer.path("message").asText(response.body()));
            }
            return answer;
        } catch (IOException e) {
            throw new CommandFailure(CentralCli.CENTRAL_UNREACHABLE, "无法连接县级中心 " + baseUrl + "：" + e
                    + "。请运行 siyiban-central status 检查。");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure(CentralCli.FAILED, "已中断");
        }
    }
}
