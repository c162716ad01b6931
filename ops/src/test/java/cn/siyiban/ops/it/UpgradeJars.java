package cn.siyiban.ops.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds the "next version" of a packaged server for upgrade tests: a copy of the launcher jar
 * and its {@code lib/} folder in which siyiban-core carries one more schema script, appended to
 * the schema index as a release that changes the schema would ship it.
 */
final class UpgradeJars {

    private static final String SCHEMA = "cn/siyiban/core/schema/";

    private UpgradeJars() {
    }

    /**
     * Copies {@code launcher} and its {@code lib/} folder into {@code target} and adds
     * {@code script} as {@code scriptName} to the copied siyiban-core jar.
     *
     * @return the copied launcher jar
     */
    static Path withSchemaScript(Path launcher, Path target, String scriptName, String script) {
        try {
            Path lib = target.resolve("lib");
            Files.createDirectories(lib);
            Path copied = Files.copy(launcher, target.resolve(launcher.getFileName()));
            try (Stream<Path> jars = Files.list(launcher.resolveSibling("lib"))) {
                for (Path jar : jars.toList()) {
                    Files.copy(jar, lib.resolve(jar.getFileName()));
                }
            }
            Path core;
            try (Stream<Path> jars = Files.list(lib)) {
                core = jars.filter(jar -> jar.getFileName().toString().startsWith("siyiban-core-")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no siyiban-core jar in " + lib));
            }
            try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + core.toUri()), Map.of())) {
                Files.writeString(zip.getPath(SCHEMA + scriptName), script, StandardCharsets.UTF_8);
                Path index = zip.getPath(SCHEMA + "index.txt");
                String text = Files.readString(index, StandardCharsets.UTF_8);
                Files.writeString(index, (text.endsWith("\n") ? "" : "\n") + scriptName + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.APPEND);
            }
            return copied;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
