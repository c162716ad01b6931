package cn.siyiban.node.cli;

import cn.siyiban.node.local.LocalToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** A client of the running node's local API on 127.0.0.1, authenticated by the {@link LocalToken}. */
final class LocalClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    LocalClient(int port, Path dataDir) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.dataDir = dataDir;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Returns whether the node answers {@code GET /health} with 200. */
    boolean isRunning() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), Duration.ofSeconds(30));
    }

    JsonNode post(String path, Object body, Duration timeout) {
        try {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)),
                    timeout);
        } catch (IOException e) {
            throw new CommandException(ExitCode.FAILED, "无法生成请求：" + e.getMessage());
        }
    }

    private JsonNode send(HttpRequest.Builder request, Duration timeout) {
        String token;
        try {
            token = LocalToken.read(dataDir);
        } catch (IOException e) {
            throw new CommandException(ExitCode.NODE_NOT_RUNNING, "找不到节点的本机接口密钥 " + dataDir.resolve(LocalToken.FILE_NAME)
                    + "：节点从未在此数据文件夹启动过，或当前用户无权读取（请用 sudo 运行）。");
        }
        try {
            HttpResponse<String> response = http.send(request.header(LocalToken.HEADER, token).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new CommandException(ExitCode.FAILED, "节点返回错误（HTTP " + response.statusCode() + "）："
                        + body.path("message").asText(response.body()));
            }
            return body;
        } catch (IOException e) {
            throw new CommandException(ExitCode.NODE_NOT_RUNNING, "节点未运行或无响应（" + baseUrl + "）。"
                    + "请运行 sudo systemctl start siyiban-node，再查看 /var/log/siyiban/node.log。");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException(ExitCode.FAILED, "已中断");
        }
    }
}
