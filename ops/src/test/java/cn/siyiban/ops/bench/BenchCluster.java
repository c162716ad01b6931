package cn.siyiban.ops.bench;

import cn.siyiban.ops.it.Api;
import cn.siyiban.ops.it.ServerProcess;
import cn.siyiban.ops.it.Waits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Central and one village node, each started from its packaged jar as a separate JVM on
 * 127.0.0.1 with the JVM flags of its Debian package, so the figures are of what ships. The node
 * registers with central through a one-time token, as in the demo.
 */
final class BenchCluster implements AutoCloseable {

    /** 北爱园居委会, a village of 爱园镇, the demo village. */
    static final String VILLAGE = "321323101001";
    static final String PASSWORD = "siyiban-demo";
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Path root;
    private final Path repo;
    private final int centralPort = ServerProcess.freePort();
    private final List<String> extraNodeFlags;
    private final List<String> extraCentralFlags;
    private ServerProcess central;
    private ServerProcess node;

    /**
     * @param root folder of both data folders and logs, kept after the run
     * @param extraNodeFlags JVM flags added after the shipped ones, such as a flight recording
     */
    BenchCluster(Path root, List<String> extraNodeFlags, List<String> extraCentralFlags) {
        this.root = root;
        this.repo = repositoryRoot();
        this.extraNodeFlags = extraNodeFlags;
        this.extraCentralFlags = extraCentralFlags;
    }

    /** Starts central and the village node and waits until the node has registered. */
    BenchCluster start() {
        central = ServerProcess.withJvmOptions("central", repo.resolve("central/target/siyiban-central.jar"),
                root.resolve("central"), centralPort, flags("central", extraCentralFlags),
                List.of("--demo", "--public-url", centralUrl(), "--demo-village", VILLAGE)).start();
        Api admin = Api.login(centralUrl(), "admin", PASSWORD);
        ObjectNode request = Api.JSON.createObjectNode().put("point", VILLAGE).put("purpose", "register");
        Api.Response issued = admin.post("/api/registrations", request);
        if (issued.status() != 201) {
            throw new IllegalStateException("issuing a registration token failed: " + issued);
        }
        String token = issued.json().path("token").asText();
        node = ServerProcess.withJvmOptions("node", repo.resolve("node/target/siyiban-node.jar"), root.resolve("node"),
                ServerProcess.freePort(), flags("node", extraNodeFlags),
                List.of("--demo", "--point", VILLAGE, "--central", centralUrl(), "--token", token)).start();
        Api clerk = Api.login(node.baseUrl(), "clerk", PASSWORD);
        JsonNode state = Waits.until(TIMEOUT, () -> clerk.get("/api/sync").json(),
                sync -> sync.path("registered").asBoolean(false));
        if (!state.path("registered").asBoolean(false)) {
            throw new IllegalStateException("the node did not register within " + TIMEOUT + ": " + state);
        }
        return this;
    }

    /**
     * Takes in one case at the node and waits until central has it, which shows that the node's
     * capture triggers exist and that push works; returns the milliseconds it took.
     */
    long probe() {
        Api clerk = Api.login(node.baseUrl(), "clerk", PASSWORD);
        Api admin = Api.login(centralUrl(), "admin", PASSWORD);
        long begin = System.nanoTime();
        Api.Response created = clerk.post("/api/cases", Forms.body("probe", (int) (System.nanoTime() % 1000)));
        if (created.status() != 201) {
            throw new IllegalStateException("probe intake failed: " + created);
        }
        String caseNo = created.json().path("caseNo").asText();
        int status = Waits.until(TIMEOUT, () -> admin.get("/api/cases/" + caseNo).status(), code -> code == 200);
        if (status != 200) {
            throw new IllegalStateException("probe case " + caseNo + " did not reach central within " + TIMEOUT);
        }
        return (System.nanoTime() - begin) / 1_000_000;
    }

    String centralUrl() {
        return "http://127.0.0.1:" + centralPort;
    }

    ServerProcess central() {
        return central;
    }

    ServerProcess node() {
        return node;
    }

    Path nodeDatabase() {
        return root.resolve("node").resolve("db");
    }

    Path centralDatabase() {
        return root.resolve("central").resolve("db");
    }

    /** Returns the shipped flags of {@code module}'s Debian package followed by {@code extra}. */
    private List<String> flags(String module, List<String> extra) {
        List<String> flags = new ArrayList<>(shippedFlags(repo, module));
        flags.addAll(extra);
        return flags;
    }

    /** Reads {@code SIYIBAN_JAVA_OPTS} from {@code packaging/src/deb/<module>/etc/default/siyiban-<module>}. */
    static List<String> shippedFlags(Path repo, String module) {
        Path file = repo.resolve("packaging/src/deb/" + module + "/etc/default/siyiban-" + module);
        try {
            Matcher options = Pattern.compile("(?m)^SIYIBAN_JAVA_OPTS=\"([^\"]*)\"").matcher(Files.readString(file));
            if (!options.find()) {
                throw new IllegalStateException("no SIYIBAN_JAVA_OPTS line in " + file);
            }
            return Arrays.asList(options.group(1).trim().split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository root: the working folder of {@code ops/bench/run} is {@code ops}. */
    static Path repositoryRoot() {
        return Path.of(System.getProperty("siyiban.repo", "..")).toAbsolutePath().normalize();
    }

    @Override
    public void close() {
        if (node != null) {
            node.stop();
        }
        if (central != null) {
            central.stop();
        }
    }
}
