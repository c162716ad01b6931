package cn.siyiban.sync;

import cn.siyiban.core.db.SchemaMigrator;

/**
 * The versioned SymmetricDS configuration applied at central: node groups, channels, triggers,
 * routers and conflict rules. Nodes receive it from central at registration.
 */
public final class SyncConfigScripts {

    /** The table recording the applied configuration scripts. */
    public static final String VERSION_TABLE = "sy_sync_config_version";

    private SyncConfigScripts() {
    }

    /** Returns the migrator of the configuration scripts, recorded in {@code sy_sync_config_version}. */
    public static SchemaMigrator migrator() {
        return new SchemaMigrator("/cn/siyiban/sync/config/", VERSION_TABLE);
    }
}
