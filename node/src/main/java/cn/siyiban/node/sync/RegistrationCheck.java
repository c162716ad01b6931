package cn.siyiban.node.sync;

import cn.siyiban.core.time.PeriodicTask;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks central whether it would admit this node's registration, so the clerk and the
 * technician read the exact reason (token used, point registered by another machine, ...) in
 * Chinese instead of SymmetricDS's generic "registration is not open". Runs only while the node
 * is unregistered and never uses the token up.
 */
final class RegistrationCheck {

    private static final Logger log = LoggerFactory.getLogger(RegistrationCheck.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PERIOD = Duration.ofSeconds(30);

    private final String centralUrl;
    private final String point;
    private final String nodeGroup;
    private final String token;
    private final java.util.function.BooleanSupplier registered;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String problem;
    private final PeriodicTask timer = new PeriodicTask("registration-check", PERIOD, this::checkNow);

    /** @param registered whether the node has registered by now, which ends the checks */
    RegistrationCheck(String centralUrl, String point, String nodeGroup, String token,
                      java.util.function.BooleanSupplier registered) {
        this.registered = registered;
        this.centralUrl = centralUrl.endsWith("/") ? centralUrl.substring(0, centralUrl.length() - 1) : centralUrl;
        this.point = point;
        this.nodeGroup = nodeGroup;
        this.token = token;
    }

    void start() {
        timer.start();
    }

    void stop() {
        timer.stop();
    }

    /** Returns the last reason central gave for refusing, or null if it would admit the node. */
    String problem() {
        return problem;
    }

    /** Asks central now; returns the Chinese problem, or null if central would admit the node. */
    String checkNow() {
        if (registered.getAsBoolean()) {
            // Once registered the token is used up, so central would only report token_used.
            problem = null;
            timer.stopFromTask();
            return null;
        }
        String previous = problem;
        try {
            String body = JSON.writeValueAsString(Map.of("point", point, "group", nodeGroup,
                    "token", token == null ? "" : token));
            HttpRequest request = HttpRequest.newBuilder(URI.create(centralUrl + "/api/registrations/check"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode answer = response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
            if (answer == null) {
                problem = "县级中心暂时无法检查注册（HTTP " + response.statusCode() + "），正在重试";
            } else if (answer.path("admitted").asBoolean(false)) {
                problem = null;
            } else {
                problem = answer.path("message").asText("县级中心拒绝注册") + "（" + answer.path("code").asText() + "）";
            }
        } catch (IOException e) {
            problem = "无法连接县级中心 " + centralUrl + "，请检查网络和中心地址";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (problem != null && !problem.equals(previous)) {
            log.warn("Central {} would not admit the registration of point {}: {}", centralUrl, point, problem);
        }
        return problem;
    }
}
