package cn.siyiban.ops.bench;

import cn.siyiban.ops.it.Api;
import cn.siyiban.ops.it.ServerProcess;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The central the capacity simulator loads: a demo central it starts from the packaged jar with
 * the JVM flags of central's Debian package, or one already running at a given URL. Its CPU and
 * memory figures need its process id, which the simulator has only for a central it started.
 */
final class CapacityCentral implements AutoCloseable {

    private final String url;
    private final long pid;
    private final Path log;
    private final ServerProcess process;
    private final Api admin;

    private CapacityCentral(String url, long pid, Path log, ServerProcess process, Api admin) {
        this.url = url;
        this.pid = pid;
        this.log = log;
        this.process = process;
        this.admin = admin;
    }

    /**
     * Starts a demo central with its data in {@code dir}, on a free port of 127.0.0.1.
     *
     * @param config central's settings file ({@code --config}), such as SymmetricDS parameters to try, or null
     */
    static CapacityCentral start(Path dir, List<String> extraFlags, Path config) {
        Path repo = BenchCluster.repositoryRoot();
        int port = ServerProcess.freePort();
        String url = "http://127.0.0.1:" + port;
        List<String> flags = new ArrayList<>(BenchCluster.shippedFlags(repo, "central"));
        flags.addAll(extraFlags);
        List<String> args = new ArrayList<>(List.of("--demo", "--public-url", url, "--demo-village",
                BenchCluster.VILLAGE));
        if (config != null) {
            args.addAll(List.of("--config", config.toAbsolutePath().toString()));
        }
        ServerProcess central = ServerProcess.withJvmOptions("central", repo.resolve("central/target/siyiban-central.jar"),
                dir.resolve("central"), port, flags, args).start();
        return new CapacityCentral(url, central.pid(), central.log(), central,
                Api.login(url, "admin", BenchCluster.PASSWORD));
    }

    /**
     * Targets a central already running at {@code url}.
     *
     * @param pid its process id on this machine for the CPU and memory figures, or 0 when unknown
     * @param log its log file, whose ERROR lines count as errors, or null
     */
    static CapacityCentral target(String url, String adminUser, String adminPassword, long pid, Path log) {
        return new CapacityCentral(url, pid, log, null, Api.login(url, adminUser, adminPassword));
    }

    String url() {
        return url;
    }

    /** Issues a one-time registration token for {@code point}, as an admin does on the registrations page. */
    String issueToken(String point) {
        ObjectNode request = Api.JSON.createObjectNode().put("point", point).put("purpose", "register");
        Api.Response issued = admin.post("/api/registrations", request);
        if (issued.status() != 201) {
            throw new IllegalStateException("issuing a registration token for point " + point + " failed: " + issued);
        }
        return issued.json().path("token").asText();
    }

    /** Returns whether central returns case {@code caseNo} to the admin. */
    boolean hasCase(String caseNo) {
        return admin.get("/api/cases/" + caseNo).status() == 200;
    }

    /** Returns central's user plus system CPU seconds, or NaN when its process id is unknown. */
    double cpuSeconds() {
        return pid > 0 ? ProcessCpu.seconds(pid) : Double.NaN;
    }

    /** Returns central's resident set size in MB, or NaN when its process id is unknown. */
    double rssMegabytes() {
        return pid > 0 ? ProcessMemory.rssMegabytes(pid) : Double.NaN;
    }

    /** Returns the ERROR lines in central's log so far, or 0 when its log is unknown. */
    long errorLines() {
        return log == null ? 0 : ProcessMemory.errorLines(log);
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop();
        }
    }
}
