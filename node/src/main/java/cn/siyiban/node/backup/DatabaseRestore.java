package cn.siyiban.node.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Restores a stopped node's database from a {@link BackupFolder} with Derby's
 * {@code restoreFrom} attribute, after moving the current database aside.
 *
 * <p>The restored database contains SymmetricDS's state of the backup's time: its identity and
 * batch numbers are behind what central has seen, and the cases taken in after the backup are
 * missing. So the restore deletes the node's SymmetricDS identity. The node then registers again,
 * which central admits only with a reinstall token; central forgets the batches it loaded from
 * this node and sends the point its reference data and its own cases through an initial load,
 * which brings the later cases back. Case, material and event rows have UUID primary keys, so a
 * row that both sides hold is updated in place, never duplicated.
 *
 * <p>NOTE: central also requests a reverse initial load at registration, which sends the
 * restored rows back to central; a case row that changed at central after the backup may be
 * overwritten there with its older copy until the next change. BackupRestoreIT covers cases
 * taken in after the backup, not cases changed at central after it.
 */
public final class DatabaseRestore {

    /** @param previous where the replaced database was moved, or null if there was none */
    public record Result(Path restored, Path previous) {
    }

    private DatabaseRestore() {
    }

    public static Result restore(BackupFolder backup, Path databaseDir) {
        Path previous = null;
        try {
            if (Files.exists(databaseDir)) {
                previous = databaseDir.resolveSibling(databaseDir.getFileName() + "-before-restore-"
                        + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now()));
                Files.move(databaseDir, previous);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + databaseDir + " aside", e);
        }
        String url = "jdbc:derby:" + databaseDir.toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url + ";restoreFrom="
                + backup.databaseDir().toAbsolutePath());
             Statement statement = connection.createStatement()) {
            // Without an identity the client engine registers again at its next start.
            statement.executeUpdate("DELETE FROM sym_node_identity");
            // So that status waits for the new initial load instead of reporting the old one.
            statement.executeUpdate("UPDATE sym_node_security SET initial_load_time = NULL, initial_load_end_time = NULL");
        } catch (SQLException e) {
            throw new IllegalStateException("Derby could not restore " + backup.databaseDir() + ": " + e.getMessage(), e);
        } finally {
            shutdown(url);
        }
        return new Result(databaseDir, previous);
    }

    private static void shutdown(String url) {
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException e) {
            // Derby reports a clean shutdown of one database as SQLState 08006.
        }
    }
}
