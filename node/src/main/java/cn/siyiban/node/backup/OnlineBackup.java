package cn.siyiban.node.backup;

import cn.siyiban.core.db.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.CallableStatement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the running node's database into a new folder under the backup folder with Derby's
 * online backup, which takes a consistent copy while clerks keep working. Then it deletes the
 * oldest backups beyond the retention count. It must run inside the node's JVM, because embedded
 * Derby lets only one JVM open the database.
 */
public final class OnlineBackup {

    private static final Logger log = LoggerFactory.getLogger(OnlineBackup.class);

    private final Database database;
    private final String point;
    private final String version;

    public OnlineBackup(Database database, String point, String version) {
        this.database = database;
        this.point = point;
        this.version = version;
    }

    /**
     * Writes a backup to {@code <backupDir>/<point>-<time>/} and keeps the newest {@code keep}
     * backups of this point there. The folder appears only once the copy is complete: Derby writes
     * to a hidden folder first, which is renamed at the end.
     */
    public synchronized BackupFolder backup(Path backupDir, int keep, LocalDateTime now) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, was " + keep);
        }
        long begin = System.nanoTime();
        String name = BackupFolder.name(point, now);
        Path partial = backupDir.resolve("." + name + ".partial");
        Path target = backupDir.resolve(name);
        // Two backups within one second (a technician's run right after the timer's) get a suffix.
        for (int n = 2; Files.exists(target); n++) {
            target = backupDir.resolve(name + "-" + n);
        }
        try {
            Files.createDirectories(backupDir);
            deleteTree(partial);
            Files.createDirectories(partial);
            database.query(connection -> {
                try (CallableStatement call = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                    call.setString(1, partial.toAbsolutePath().toString());
                    call.execute();
                }
                return null;
            });
            Properties manifest = new Properties();
            manifest.setProperty("point.code", point);
            manifest.setProperty("version", version);
            manifest.setProperty("created", now.toString());
            try (var out = Files.newBufferedWriter(partial.resolve(BackupFolder.MANIFEST))) {
                manifest.store(out, "siyiban node backup");
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("backup to " + backupDir + " failed", e);
        }
        BackupFolder made = BackupFolder.read(target).orElseThrow();
        List<BackupFolder> deleted = prune(backupDir, keep);
        log.info("Backed up the database of point {} to {} ({} MB) in {} ms; deleted {} old backups", point, target,
                made.sizeBytes() / (1024 * 1024), (System.nanoTime() - begin) / 1_000_000, deleted.size());
        return made;
    }

    private List<BackupFolder> prune(Path backupDir, int keep) {
        List<BackupFolder> all = BackupFolder.list(backupDir, point);
        List<BackupFolder> old = all.subList(0, Math.max(0, all.size() - keep));
        for (BackupFolder backup : old) {
            try {
                deleteTree(backup.path());
            } catch (IOException e) {
                log.warn("Could not delete old backup {}: {}", backup.path(), e.toString());
            }
        }
        return List.copyOf(old);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
