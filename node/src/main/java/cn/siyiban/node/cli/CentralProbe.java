package cn.siyiban.node.cli;

import cn.siyiban.node.sync.CentralClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Checks central from the technician's machine: reachability, clock offset and registration. */
final class CentralProbe {

    /** SymmetricDS and the case due dates need the clocks to agree; beyond this, setup stops. */
    static final Duration MAX_CLOCK_OFFSET = CentralClock.MAX_OFFSET;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String centralUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    CentralProbe(String centralUrl) {
        this.centralUrl = centralUrl.endsWith("/") ? centralUrl.substring(0, centralUrl.length() - 1) : centralUrl;
    }

    /**
     * The result of {@code GET /health} at central.
     *
     * @param clockOffset central's clock minus this machine's, from the HTTP Date header (whole seconds)
     */
    record Health(int status, JsonNode body, Duration clockOffset) {
    }

    /** Calls central's health check; throws {@link ExitCode#CENTRAL_UNREACHABLE} if it does not answer. */
    Health health() {
        Instant sent = Instant.now();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(centralUrl + "/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Duration offset = CentralClock.offset(sent, Instant.now(), response.headers().firstValue("Date"))
                    .orElse(null);
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (IOException e) {
                body = JSON.nullNode();
            }
            return new Health(response.statusCode(), body, offset);
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandException(ExitCode.CENTRAL_UNREACHABLE, "无法连接县级中心 " + centralUrl + "（" + e.getClass()
                    .getSimpleName() + (e.getMessage() == null ? "" : "：" + e.getMessage()) + "）。"
                    + "请检查网线或 4G 路由器、中心地址是否写对，并在本机运行 curl " + centralUrl + "/health 试一试。");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException(ExitCode.FAILED, "已中断");
        }
    }

    /**
     * Asks central whether it would admit the registration, without using the token up.
     *
     * @return null if admitted, else central's {@code code} and Chinese {@code message}
     */
    String[] checkRegistration(String point, String group, String token) {
        try {
            String body = JSON.writeValueAsString(Map.of("point", point, "group", group, "token", token));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(centralUrl
                    + "/api/registrations/check")).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new CommandException(ExitCode.CENTRAL_UNREACHABLE, "县级中心无法检查注册（HTTP "
                        + response.statusCode() + "），请稍后再试或联系县级管理员。");
            }
            JsonNode answer = JSON.readTree(response.body());
            if (answer.path("admitted").asBoolean(false)) {
                return null;
            }
            return new String[] {answer.path("code").asText(), answer.path("message").asText("县级中心拒绝注册")};
        } catch (IOException e) {
            throw new CommandException(ExitCode.CENTRAL_UNREACHABLE, "无法连接县级中心 " + centralUrl + "：" + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException(ExitCode.FAILED, "已中断");
        }
    }
}
