package cn.siyiban.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.testing.PostgresServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The core schema and the dialect-split migrator on a real PostgreSQL server. */
class SchemaOnPostgresTest {

    private static PostgresServer server;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void coreSchemaAppliesOnceOnPostgres() {
        String url = server.createDatabase("core_schema");
        try (Database database = Database.openServer(url, PostgresServer.USER, server.password(), 2)) {
            assertEquals(Dialect.POSTGRESQL, database.dialect());

            List<String> first = SchemaMigrator.core().migrate(database);
            List<String> second = SchemaMigrator.core().migrate(database);

            assertTrue(first.contains("V001__reference_data.sql"), first.toString());
            assertEquals(List.of(), second);
            long tables = database.query(connection -> {
                try (var rows = connection.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM information_schema.tables WHERE table_name LIKE 'sy\\_%'")) {
                    rows.next();
                    return rows.getLong(1);
                }
            });
            assertTrue(tables >= 10, "tables: " + tables);
        }
    }

    @Test
    void postgresRunsSharedAndPostgresVersion() {
        String url = server.createDatabase("split");
        try (Database database = Database.openServer(url, PostgresServer.USER, server.password(), 2)) {
            new SchemaMigrator("/cn/siyiban/core/db/migrator/split", "test_version").migrate(database);

            String type = database.query(connection -> {
                try (var columns = connection.getMetaData().getColumns(null, null, "split_table", "note")) {
                    columns.next();
                    return columns.getString("TYPE_NAME");
                }
            });
            assertEquals("text", type);
        }
    }
}
