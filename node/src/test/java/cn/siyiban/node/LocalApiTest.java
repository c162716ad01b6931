package cn.siyiban.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.node.backup.BackupFolder;
import cn.siyiban.node.local.LocalToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The local API of the technician's commands: access by token only, status, backup and check. */
class LocalApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final TestNode node = TestNode.perClass();
    private static String token;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void readToken() throws IOException {
        token = LocalToken.read(node.app.settings().dataDir());
    }

    private HttpResponse<String> send(String method, String path, String sentToken, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (sentToken != null) {
            request.header(LocalToken.HEADER, sentToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void tokenFileIsOwnerOnly() throws IOException {
        Path file = node.app.settings().dataDir().resolve(LocalToken.FILE_NAME);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
    }

    @Test
    void statusWithoutTokenIsNotFound() throws Exception {
        assertEquals(404, send("GET", "/local/status", null, null).statusCode());
        assertEquals(404, send("GET", "/local/status", "wrong", null).statusCode());
        assertEquals(404, send("POST", "/local/backup", "wrong", "{\"dir\":\"/tmp/x\",\"keep\":1}").statusCode());
    }

    @Test
    void statusReportsStandaloneNode() throws Exception {
        HttpResponse<String> response = send("GET", "/local/status", token, null);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode report = JSON.readTree(response.body());
        assertEquals("321323101001", report.path("point").asText());
        assertFalse(report.path("sync").path("configured").asBoolean());
        assertTrue(report.path("diskFreeBytes").asLong() > 0);
    }

    @Test
    void backupKeepsNewestOnly() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("").toAbsolutePath(), "backup-test-");
        String body = "{\"dir\":\"" + dir.toAbsolutePath() + "\",\"keep\":1}";

        HttpResponse<String> first = send("POST", "/local/backup", token, body);
        HttpResponse<String> second = send("POST", "/local/backup", token, body);

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(200, second.statusCode(), second.body());
        List<BackupFolder> kept = BackupFolder.list(dir, "321323101001");
        assertEquals(1, kept.size());
        assertEquals(JSON.readTree(second.body()).path("path").asText(), kept.get(0).path().toString());
        assertTrue(Files.isRegularFile(kept.get(0).databaseDir().resolve("service.properties")));
    }

    @Test
    void backupRejectsRelativeFolder() throws Exception {
        HttpResponse<String> response = send("POST", "/local/backup", token, "{\"dir\":\"usb\",\"keep\":3}");

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("invalid_backup_dir", JSON.readTree(response.body()).path("code").asText());
    }

    @Test
    void databaseCheckFindsNoDamage() throws Exception {
        HttpResponse<String> response = send("GET", "/local/database-check", token, null);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = JSON.readTree(response.body());
        assertTrue(result.path("tables").asInt() > 5, response.body());
        assertEquals(0, result.path("problems").size(), response.body());
    }
}
