package cn.siyiban.node.settings;

import cn.siyiban.core.reminders.ReminderSettings;
import cn.siyiban.node.sync.SyncSettings;
import cn.siyiban.sync.EngineParameters;
import cn.siyiban.sync.SyncTimings;
import java.nio.file.Path;

/**
 * The settings of one node, read once at start by {@link SettingsLoader} and never changed after.
 *
 * @param dataDir folder of the Derby database ({@code db}) and, unless {@code logDir} is set
 *                elsewhere, of the log files ({@code logs})
 * @param host address the web server binds to; {@code 0.0.0.0} by default because the clerks'
 *             browsers run on other PCs of the service point's LAN
 * @param port TCP port of the web server; 0 picks a free port (tests use that)
 * @param pointCode division code of this node's service point, a village or township of the
 *                  shipped network
 * @param demo whether to create the demo accounts with a published password; never on by default
 * @param logDir folder of the rolling log files
 * @param sessionTimeoutMinutes idle minutes after which a clerk must log in again
 * @param sync how the node reaches central; without a central URL the node runs standalone
 * @param reminders how the node sends the reminders it owns
 */
public record NodeSettings(Path dataDir, String host, int port, String pointCode, boolean demo, Path logDir,
                           int sessionTimeoutMinutes, SyncSettings sync, ReminderSettings reminders) {

    public Path databaseDir() {
        return dataDir.resolve("db");
    }

    /** Folder of SymmetricDS's staging and temporary files. */
    public Path syncDir() {
        return dataDir.resolve("sync");
    }

    /** Returns a copy listening on {@code newHost}:{@code newPort}; tests use it to bind to port 0. */
    public NodeSettings withAddress(String newHost, int newPort) {
        return new NodeSettings(dataDir, newHost, newPort, pointCode, demo, logDir, sessionTimeoutMinutes, sync,
                reminders);
    }

    /** Returns a copy that sends reminders with the {@code other} settings; tests use it for a gateway of their own. */
    public NodeSettings withReminders(ReminderSettings other) {
        return new NodeSettings(dataDir, host, port, pointCode, demo, logDir, sessionTimeoutMinutes, sync, other);
    }

    /** Returns a demo node at {@code point} keeping its data in {@code dir}, on a free local port. */
    public static NodeSettings demo(Path dir, String point) {
        return new NodeSettings(dir, "127.0.0.1", 0, point, true, dir.resolve("logs"),
                SettingsLoader.DEFAULT_SESSION_TIMEOUT_MINUTES, new SyncSettings(null, null, SyncTimings.defaults(),
                EngineParameters.none()), ReminderSettings.defaults());
    }
}
