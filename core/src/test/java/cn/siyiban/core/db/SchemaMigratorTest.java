package cn.siyiban.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigratorTest {

    private static final String FOLDER = "/cn/siyiban/core/db/migrator/";

    @Test
    void splitScriptResolvesPerDialect() {
        SchemaMigrator migrator = new SchemaMigrator(FOLDER + "split", "test_version");

        Map<String, String> derby = migrator.readScripts(Dialect.DERBY);
        Map<String, String> postgresql = migrator.readScripts(Dialect.POSTGRESQL);

        assertEquals(List.of("V001__shared.sql", "V002__split.sql"), List.copyOf(derby.keySet()));
        assertEquals(derby.get("V001__shared.sql"), postgresql.get("V001__shared.sql"));
        assertTrue(derby.get("V002__split.sql").contains("CLOB"), derby.get("V002__split.sql"));
        assertTrue(postgresql.get("V002__split.sql").contains("TEXT"), postgresql.get("V002__split.sql"));
    }

    @Test
    void scriptBothSharedAndSplitIsRejected() {
        SchemaMigrator migrator = new SchemaMigrator(FOLDER + "both", "test_version");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> migrator.readScripts(Dialect.DERBY));
        assertTrue(e.getMessage().contains("both shared and in a dialect subfolder"), e.getMessage());
    }

    @Test
    void scriptMissingForOneDialectIsRejected() {
        SchemaMigrator migrator = new SchemaMigrator(FOLDER + "missing", "test_version");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> migrator.readScripts(Dialect.DERBY));
        assertTrue(e.getMessage().contains("postgresql/"), e.getMessage());
    }

    @Test
    void functionBodyStaysOneStatement() {
        String script = """
                -- a comment
                CREATE TABLE t (id INTEGER);

                CREATE FUNCTION f() RETURNS trigger AS $$
                BEGIN
                    INSERT INTO t (id) VALUES (1);
                    RETURN NULL;
                END;
                $$ LANGUAGE plpgsql;
                CREATE TRIGGER t_insert AFTER INSERT ON t
                    FOR EACH ROW EXECUTE FUNCTION f();
                """;

        List<String> statements = SchemaMigrator.statements(script);

        assertEquals(3, statements.size(), statements.toString());
        assertEquals("CREATE TABLE t (id INTEGER)", statements.get(0));
        assertTrue(statements.get(1).startsWith("CREATE FUNCTION f()"), statements.get(1));
        assertTrue(statements.get(1).contains("RETURN NULL;"), statements.get(1));
        assertTrue(statements.get(1).endsWith("$$ LANGUAGE plpgsql"), statements.get(1));
        assertTrue(statements.get(2).startsWith("CREATE TRIGGER t_insert"), statements.get(2));
    }

    @Test
    void derbyRunsSharedAndDerbyVersion(@TempDir Path folder) {
        try (Database database = Database.openDerby(folder.resolve("db"), 1)) {
            List<String> applied = new SchemaMigrator(FOLDER + "split", "test_version").migrate(database);

            assertEquals(List.of("V001__shared.sql", "V002__split.sql"), applied);
            String type = database.query(connection -> {
                try (var columns = connection.getMetaData().getColumns(null, null, "SPLIT_TABLE", "NOTE")) {
                    columns.next();
                    return columns.getString("TYPE_NAME");
                }
            });
            assertEquals("CLOB", type);
        }
    }
}
