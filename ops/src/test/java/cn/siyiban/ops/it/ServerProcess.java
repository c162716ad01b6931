package cn.siyiban.ops.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A node or central started from its packaged jar as a separate JVM on 127.0.0.1, with its
 * output in a log file beside its data folder.
 */
public final class ServerProcess implements AutoCloseable {

    private final String name;
    private final List<String> command;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private final Map<String, String> environment = new HashMap<>();
    private Process process;

    private ServerProcess(String name, List<String> command, Path dataDir, int port) {
        this.name = name;
        this.command = command;
        this.dataDir = dataDir;
        this.log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        this.port = port;
    }

    /** Builds a process for {@code jar} with {@code args}; call {@link #start} to run it. */
    public static ServerProcess of(String name, Path jar, Path dataDir, int port, List<String> args) {
        return of(name, jar, dataDir, port, List.of(), args);
    }

    /** Builds a process as {@link #of(String, Path, Path, int, List)} does, with extra JVM options. */
    public static ServerProcess of(String name, Path jar, Path dataDir, int port, List<String> jvmOptions,
                                   List<String> args) {
        List<String> allOptions = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8"));
        allOptions.addAll(jvmOptions);
        return withJvmOptions(name, jar, dataDir, port, allOptions, args);
    }

    /**
     * Builds a process with exactly {@code jvmOptions}, without the test defaults, such as the
     * flags a Debian package ships (its garbage collector would conflict with the default one).
     */
    public static ServerProcess withJvmOptions(String name, Path jar, Path dataDir, int port,
                                               List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(),
                "--data", dataDir.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port)));
        command.addAll(args);
        return new ServerProcess(name, command, dataDir, port);
    }

    /**
     * Returns a stopped copy of this process that runs {@code jar} instead, with the same data
     * folder, port, arguments and environment, as a package upgrade would.
     */
    ServerProcess withJar(Path jar) {
        List<String> upgraded = new ArrayList<>(command);
        upgraded.set(upgraded.indexOf("-jar") + 1, jar.toString());
        return new ServerProcess(name, upgraded, dataDir, port).withEnvironment(environment);
    }

    /** Adds environment variables for the JVM, such as a preloaded library; call before {@link #start}. */
    ServerProcess withEnvironment(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the JVM and waits until {@code /health} returns 200. A JVM that does not become
     * healthy is killed, so a failed start leaves no process behind.
     */
    public ServerProcess start() {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        try {
            // Generous, because a start on a 2-core machine busy with builds can take a minute.
            awaitHealthy(Duration.ofSeconds(180));
        } catch (RuntimeException e) {
            kill();
            throw e;
        }
        return this;
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Waits.pause();
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout + "; see " + log);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Returns the folder given to the server with {@code --data}. */
    public Path dataDir() {
        return dataDir;
    }

    public Path log() {
        return log;
    }

    /** Stops the JVM with SIGTERM, which runs its shutdown hook, and waits for it to exit. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitForExit();
        }
    }

    /** Kills the JVM with SIGKILL, as a power cut would, and waits for it to exit. */
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitForExit();
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
