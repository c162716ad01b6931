package cn.siyiban.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Script numbers with gaps, and a script of a lower number merged after a higher one was
 * applied, on a real Derby database.
 */
class SchemaVersionNumberTest {

    @TempDir
    Path dir;

    @Test
    void versionIsNumberOfName() {
        assertEquals(10, SchemaMigrator.version("V010__sync_sample_last_pull.sql", 4));
        assertEquals(3, SchemaMigrator.version("V003__case_arrival.sql", 3));
        assertEquals(2, SchemaMigrator.version("extra.sql", 2));
    }

    @Test
    void lateScriptAppliesBetweenGaps() {
        Database database = Database.openDerby(dir.resolve("db"), 2);
        try {
            List<String> first = new SchemaMigrator("/cn/siyiban/core/db/migrator-first/", "mt_version")
                    .migrate(database);
            List<String> merged = new SchemaMigrator("/cn/siyiban/core/db/migrator-merged/", "mt_version")
                    .migrate(database);

            assertEquals(List.of("V001__one.sql", "V010__ten.sql"), first);
            assertEquals(List.of("V004__four.sql"), merged);
            assertEquals(List.of("1 V001__one.sql", "4 V004__four.sql", "10 V010__ten.sql"), recorded(database));
        } finally {
            database.close();
        }
    }

    private static List<String> recorded(Database database) {
        return database.query(connection -> {
            List<String> rows = new ArrayList<>();
            try (Statement select = connection.createStatement();
                 ResultSet row = select.executeQuery("SELECT version, script FROM mt_version ORDER BY version")) {
                while (row.next()) {
                    rows.add(row.getInt(1) + " " + row.getString(2));
                }
            }
            return rows;
        });
    }
}
