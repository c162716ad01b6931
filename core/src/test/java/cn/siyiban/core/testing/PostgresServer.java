package cn.siyiban.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, created with Debian's initdb and pg_ctl in a temporary
 * folder and listening on a free port of 127.0.0.1. PostgreSQL refuses to run as root, so when
 * the tests run as root (as CI does) every server command runs as the {@code postgres} user
 * that Debian's postgresql package creates, through {@code runuser}. {@link #close()} stops the
 * server by the PID in its {@code postmaster.pid} and deletes the folder.
 *
 * <p>Tests connect as {@link #USER}, a login role that is not a superuser and owns each database
 * it creates, which is the setup the admin guide describes for a county's central.
 */
public final class PostgresServer implements AutoCloseable {

    /** System property that selects the database of the tests: {@code derby} (default) or {@code postgresql}. */
    public static final String DATABASE_PROPERTY = "siyiban.test.database";
    /** Login role of the tests; owns the databases it creates, but is not a superuser. */
    public static final String USER = "siyiban";
    private static final String SUPERUSER = "siyiban_admin";
    private static final Path DEFAULT_BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer shared;

    private final Path folder;
    private final int port;
    private final String superPassword;
    private final String password = UUID.randomUUID().toString();
    private final long pid;

    private PostgresServer(Path folder, int port, String superPassword, long pid) {
        this.folder = folder;
        this.port = port;
        this.superPassword = superPassword;
        this.pid = pid;
    }

    /** Returns whether the tests of this JVM run against PostgreSQL instead of Derby. */
    public static boolean selected() {
        return "postgresql".equals(System.getProperty(DATABASE_PROPERTY, "derby"));
    }

    /**
     * Returns the one server of this JVM, starting it on first use. Test classes of one JVM share
     * it, and a shutdown hook stops it when the JVM exits.
     */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
            PostgresServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-stop"));
        }
        return shared;
    }

    /** Creates a database cluster in a new temporary folder and starts a server on it. */
    public static PostgresServer start() {
        Path bin = Path.of(System.getProperty("siyiban.pg.bin", DEFAULT_BIN.toString()));
        if (!Files.isExecutable(bin.resolve("pg_ctl"))) {
            throw new IllegalStateException("PostgreSQL server programs not found in " + bin
                    + "; install Debian's postgresql package (apt-get install postgresql) or set -Dsiyiban.pg.bin");
        }
        try {
            Path folder = Files.createTempDirectory("siyiban-pg-");
            Path data = folder.resolve("data");
            Path passwordFile = folder.resolve("superuser-password");
            String superPassword = UUID.randomUUID().toString();
            Files.writeString(passwordFile, superPassword + "\n", StandardCharsets.UTF_8);
            if (isRoot()) {
                giveToPostgresUser(folder, passwordFile);
            }
            run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER,
                    "--pwfile=" + passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256",
                    "--encoding=UTF8", "--locale=C", "--no-sync"), folder.resolve("initdb.log"));
            int port = freePort();
            // Durability settings are off because a test database is thrown away. The connection
            // limit leaves room for several centrals of one test JVM, each with two pools.
            String options = "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1"
                    + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", folder.resolve("server.log")
                    .toString(), "-w", "-t", "120", "-o", options, "start"), folder.resolve("pg_ctl.log"));
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
            PostgresServer server = new PostgresServer(folder, port, superPassword, pid);
            server.createUser();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("failed to start PostgreSQL", e);
        }
    }

    private void createUser() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, superPassword);
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + password + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("failed to create the test role in PostgreSQL on port " + port, e);
        }
    }

    /**
     * Creates an empty database owned by {@link #USER}, UTF-8 with the C collation that matches
     * Derby's code point order, and returns its JDBC URL.
     */
    public String createDatabase(String prefix) {
        String name = prefix + "_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, superPassword);
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE DATABASE " + name + " OWNER " + USER
                    + " TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'");
        } catch (SQLException e) {
            throw new IllegalStateException("failed to create database " + name + " in PostgreSQL on port " + port, e);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Password of {@link #USER}, random for each server. */
    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** Stops the server with a fast shutdown (SIGINT to its PID), waits for it and deletes its folder. */
    @Override
    public synchronized void close() {
        Optional<ProcessHandle> server = ProcessHandle.of(pid);
        if (server.isPresent() && server.get().isAlive()) {
            try {
                run(List.of("kill", "-INT", Long.toString(pid)), null);
                server.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                server.get().destroyForcibly();
            }
        }
        deleteTree(folder);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void giveToPostgresUser(Path folder, Path passwordFile) throws IOException {
        UserPrincipal postgres = folder.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName("postgres");
        Files.setOwner(folder, postgres);
        Files.setOwner(passwordFile, postgres);
    }

    /** Runs a command, as the postgres user when this JVM is root, and fails on a non-zero exit. */
    private static void run(List<String> command, Path log) {
        List<String> full = new ArrayList<>();
        boolean asPostgres = isRoot() && !"kill".equals(command.get(0));
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()));
        try {
            Process process = builder.start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " timed out after 180 s");
            }
            if (process.exitValue() != 0) {
                String output = log == null ? "" : Files.readString(log);
                throw new IllegalStateException(String.join(" ", full) + " failed with exit code "
                        + process.exitValue() + ":\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("failed to run " + full.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + full.get(0), e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("failed to delete " + root, e);
        }
    }
}
