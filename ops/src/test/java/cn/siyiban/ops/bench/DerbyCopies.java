package cn.siyiban.ops.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of a Derby database folder; the database must be shut down, so its files are consistent. */
final class DerbyCopies {

    private DerbyCopies() {
    }

    static void copy(Path source, Path target) {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path to = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(path, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("copying " + source + " to " + target + " failed", e);
        }
    }
}
