package cn.siyiban.core.testing;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.SchemaMigrator;
import cn.siyiban.core.seed.ReferenceDataSeeder;
import cn.siyiban.core.time.CountyClock;
import java.nio.file.Path;

/**
 * Real embedded Derby databases with the core schema, as a node or central has it after its
 * first start. Tests that need their own schema open {@link Database#openDerby} directly.
 */
public final class CoreDerby {

    private CoreDerby() {
    }

    /** Opens a database in {@code folder} with the core schema and no rows. */
    public static Database migrated(Path folder, int maxConnections) {
        Database database = Database.openDerby(folder, maxConnections);
        SchemaMigrator.core().migrate(database);
        return database;
    }

    /** Opens a database in {@code folder} with the core schema and the shipped catalogue, calendar and map. */
    public static Database seeded(Path folder, int maxConnections, CountyClock clock) {
        Database database = migrated(folder, maxConnections);
        ReferenceDataSeeder.seedIfEmpty(database, clock);
        return database;
    }
}
