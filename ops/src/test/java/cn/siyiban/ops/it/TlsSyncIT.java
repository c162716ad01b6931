package cn.siyiban.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.applicant.ResidentIdNumber;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A village node syncs with central over TLS on loopback. ops/tls/make-county-ca creates the
 * county CA and central's certificate. A TLS proxy with that certificate runs in front of central
 * as nginx would, and the node trusts only the county CA through its trust store.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TlsSyncIT {

    private static final String STORE_PASSWORD = "it-password";

    @Test
    void nodeSyncsThroughCountyCa() throws Exception {
        try (SyncCluster cluster = new SyncCluster("tls")) {
            Path tls = cluster.root.resolve("tls");
            // Failsafe runs the tests in the ops module's folder.
            run(List.of(Path.of("tls", "make-county-ca").toAbsolutePath().toString(), tls.toString(), "127.0.0.1",
                    "localhost"));
            run(List.of("openssl", "pkcs12", "-export", "-in", tls.resolve("central-chain.crt").toString(),
                    "-inkey", tls.resolve("central.key").toString(), "-out", tls.resolve("central.p12").toString(),
                    "-passout", "pass:" + STORE_PASSWORD));

            int proxyPort = ServerProcess.freePort();
            String httpsUrl = "https://127.0.0.1:" + proxyPort;
            cluster.central = ServerProcess.of("central", SyncCluster.centralJar(), cluster.root.resolve("central"),
                    cluster.centralPort, List.of("--demo", "--public-url", httpsUrl,
                            "--demo-village", SyncCluster.VILLAGE)).start();
            cluster.started.add(cluster.central);
            try (TlsProxy proxy = new TlsProxy(tls.resolve("central.p12"), STORE_PASSWORD.toCharArray(), proxyPort,
                    cluster.centralPort)) {
                HttpClient untrusting = HttpClient.newHttpClient();
                assertThrows(SSLHandshakeException.class, () -> untrusting.send(HttpRequest.newBuilder(
                        URI.create(httpsUrl + "/health")).build(), HttpResponse.BodyHandlers.ofString()),
                        "the county CA must not be trusted by a default Java installation");

                String token = cluster.issueToken(SyncCluster.VILLAGE, "register");
                ServerProcess village = ServerProcess.of("village", SyncCluster.nodeJar(), cluster.root.resolve("village"),
                        ServerProcess.freePort(), List.of("-Djavax.net.ssl.trustStore=" + tls.resolve("county-ca.p12"),
                                "-Djavax.net.ssl.trustStorePassword=siyiban", "-Djavax.net.ssl.trustStoreType=PKCS12"),
                        List.of("--demo", "--point", SyncCluster.VILLAGE, "--central", httpsUrl, "--token", token))
                        .start();
                cluster.started.add(village);
                JsonNode state = SyncCluster.awaitRegistered(village, "clerk");
                assertTrue(state.path("registered").asBoolean(), state.toString());
                assertEquals(httpsUrl, state.path("centralUrl").asText());

                Api clerk = Api.login(village.baseUrl(), "clerk", SyncCluster.PASSWORD);
                Api.Response created = clerk.post("/api/cases", intake());
                assertEquals(201, created.status(), created.body());
                String caseNo = created.json().path("caseNo").asText();
                Api admin = Api.login(cluster.centralUrl(), "admin", SyncCluster.PASSWORD);
                JsonNode atCentral = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> admin.get("/api/cases/" + caseNo),
                        response -> response.status() == 200).json();
                assertEquals(caseNo, atCentral.path("caseNo").asText(), atCentral.toString());
                assertTrue(proxy.connections() > 0, "the node reached central through the TLS proxy");
            }
        }
    }

    private static ObjectNode intake() {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("matterCode", "SYM-023");
        String first17 = "32132319900101123";
        body.putObject("applicant").put("name", "周安").put("idType", "resident_id")
                .put("idNumber", first17 + ResidentIdNumber.checkCharacter(first17))
                .put("phone", "13912345678").put("address", "泗阳县爱园镇1号");
        var materials = body.putArray("materials");
        for (String received : new String[] {"SYM-023-M01", "SYM-023-M02", "SYM-023-M06"}) {
            materials.addObject().put("materialId", received).put("status", "received");
        }
        materials.addObject().put("materialId", "SYM-023-M04").put("status", "missing");
        body.put("proxy", false);
        body.put("requestKey", "tls-it-" + System.nanoTime());
        return body;
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, process.exitValue(), command + "\n" + output);
    }
}
