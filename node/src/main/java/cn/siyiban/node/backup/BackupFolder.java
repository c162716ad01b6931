package cn.siyiban.node.backup;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One complete backup: a folder {@code <point>-<yyyyMMdd-HHmmss>} holding Derby's copy of the
 * database in {@code db/} and a {@value #MANIFEST} with the point, the version and the time.
 */
public record BackupFolder(Path path, String point, String version, LocalDateTime created, long sizeBytes) {

    static final String MANIFEST = "siyiban-backup.properties";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    static String name(String point, LocalDateTime time) {
        return point + "-" + STAMP.format(time);
    }

    /** Folder of the database copy; Derby names it after the database folder, {@code db}. */
    public Path databaseDir() {
        return path.resolve("db");
    }

    /** Reads a backup folder; empty if it has no manifest or no database copy. */
    public static Optional<BackupFolder> read(Path folder) {
        Path manifest = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest) || !Files.isRegularFile(folder.resolve("db").resolve("service.properties"))) {
            return Optional.empty();
        }
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(manifest)) {
            values.load(in);
            return Optional.of(new BackupFolder(folder, values.getProperty("point.code"), values.getProperty("version"),
                    LocalDateTime.parse(values.getProperty("created")), size(folder)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Lists the complete backups of {@code point} in {@code backupDir}, oldest first. */
    public static List<BackupFolder> list(Path backupDir, String point) {
        if (!Files.isDirectory(backupDir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(backupDir)) {
            return children.filter(child -> child.getFileName().toString().startsWith(point + "-"))
                    .map(BackupFolder::read).flatMap(Optional::stream)
                    .filter(backup -> point.equals(backup.point()))
                    .sorted(Comparator.comparing(BackupFolder::created)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list backups in " + backupDir, e);
        }
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
