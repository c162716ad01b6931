package cn.siyiban.node.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import cn.siyiban.core.db.Database;
import java.nio.file.Path;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The count of batches waiting for central, on a Derby table with the columns it reads. */
class OutgoingWaitingTest {

    @TempDir
    Path folder;

    @Test
    void countsUnsentBatchesOnly() {
        try (Database database = Database.openDerby(folder.resolve("db"), 2)) {
            database.inTransaction(connection -> {
                try (Statement sql = connection.createStatement()) {
                    sql.execute("CREATE TABLE sym_outgoing_batch (batch_id INT PRIMARY KEY, status CHAR(2), "
                            + "channel_id VARCHAR(128), data_row_count INT)");
                    // Waiting: a new batch and one sent without an acknowledgement yet. Not
                    // waiting: acknowledged, a heartbeat, and an empty batch of a failed routing run.
                    sql.execute("INSERT INTO sym_outgoing_batch VALUES (1, 'NE', 'cases', 11), (2, 'SE', 'status', 1), "
                            + "(3, 'OK', 'cases', 20), (4, 'NE', 'heartbeat', 1), (5, 'RT', 'status', 1)");
                }
                return null;
            });

            assertArrayEquals(new long[] {2, 12}, database.query(NodeSync::outgoingWaiting));
        }
    }
}
