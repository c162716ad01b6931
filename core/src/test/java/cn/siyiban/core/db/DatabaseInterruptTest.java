package cn.siyiban.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pooled thread that carries an old interrupt must still be able to save. */
class DatabaseInterruptTest {

    @TempDir
    Path folder;

    private static int countTables(Database database) {
        return database.query(connection -> {
            try (Statement sql = connection.createStatement();
                 ResultSet row = sql.executeQuery("SELECT COUNT(*) FROM sys.systables")) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    @Test
    void staleInterruptDoesNotBreakTheNextCalls() {
        try (Database database = Database.openDerby(folder.resolve("db"), 1)) {
            int tables = countTables(database);
            for (int call = 0; call < 5; call++) {
                Thread.currentThread().interrupt();
                assertEquals(tables, countTables(database));
                assertEquals(tables, (int) database.inTransaction(connection -> countTablesIn(connection)));
            }
        }
    }

    private static int countTablesIn(java.sql.Connection connection) throws java.sql.SQLException {
        try (Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT COUNT(*) FROM sys.systables")) {
            row.next();
            return row.getInt(1);
        }
    }
}
