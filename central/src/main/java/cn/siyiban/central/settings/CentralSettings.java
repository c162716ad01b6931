package cn.siyiban.central.settings;

import cn.siyiban.core.reminders.ReminderSettings;
import cn.siyiban.sync.EngineParameters;
import cn.siyiban.sync.SyncTimings;
import java.nio.file.Path;

/**
 * The settings of central, read once at start by {@link CentralSettingsLoader} and never changed after.
 *
 * @param dataDir folder of the embedded Derby database ({@code db}), SymmetricDS's staging files
 *                ({@code sync}) and, unless {@code logDir} is set elsewhere, the logs ({@code logs})
 * @param host address the web server binds to
 * @param port TCP port of the web server and of SymmetricDS's {@code /sync/} servlet; 0 picks a free port
 * @param publicUrl base URL at which nodes reach central, without a trailing slash; SymmetricDS
 *                  hands {@code <publicUrl>/sync/central} to every node it registers
 * @param demo whether to create the demo accounts with a published password; never on by default
 * @param demoVillage village point of the demo village clerk {@code clerk}
 * @param demoTownship township point of the demo township clerk {@code clerk2}
 * @param logDir folder of the rolling log files
 * @param sessionTimeoutMinutes idle minutes after which a user must log in again
 * @param syncTimings periods of SymmetricDS's push, pull, routing and heartbeat jobs
 * @param engineParameters SymmetricDS parameters the settings file sets directly
 * @param monitor thresholds and sampling of the sync monitor
 * @param rectificationWorkingDays working days from the arrival of a bad rating to the deadline of its
 *                                 rectification item
 * @param database the embedded Derby database or a PostgreSQL server
 * @param reminders how central sends the reminders it owns
 */
public record CentralSettings(Path dataDir, String host, int port, String publicUrl, boolean demo,
                              String demoVillage, String demoTownship, Path logDir, int sessionTimeoutMinutes,
                              SyncTimings syncTimings, EngineParameters engineParameters,
                              MonitorSettings monitor, int rectificationWorkingDays, DatabaseSettings database,
                              ReminderSettings reminders) {

    /** Folder of the embedded Derby database; unused when {@link #database()} is PostgreSQL. */
    public Path databaseDir() {
        return dataDir.resolve("db");
    }

    /** Folder of SymmetricDS's staging and temporary files. */
    public Path syncDir() {
        return dataDir.resolve("sync");
    }

    /** Returns a demo central keeping its data in {@code dir}, on a free port of 127.0.0.1. */
    public static CentralSettings demo(Path dir) {
        // NOTE: with port 0 the public URL names port 0, so nodes could not register with this
        // central; tests that register nodes must choose a real port and its public URL.
        return new CentralSettings(dir, "127.0.0.1", 0, "http://127.0.0.1:0", true,
                CentralSettingsLoader.DEFAULT_DEMO_VILLAGE, CentralSettingsLoader.DEFAULT_DEMO_TOWNSHIP,
                dir.resolve("logs"), CentralSettingsLoader.DEFAULT_SESSION_TIMEOUT_MINUTES, SyncTimings.defaults(),
                EngineParameters.none(), MonitorSettings.defaults(),
                CentralSettingsLoader.DEFAULT_RECTIFICATION_WORKING_DAYS, DatabaseSettings.embedded(),
                ReminderSettings.defaults());
    }

    /** Returns these settings with central's data in {@code other}. */
    public CentralSettings withDatabase(DatabaseSettings other) {
        return new CentralSettings(dataDir, host, port, publicUrl, demo, demoVillage, demoTownship, logDir,
                sessionTimeoutMinutes, syncTimings, engineParameters, monitor, rectificationWorkingDays, other,
                reminders);
    }

    /** Returns these settings sending reminders with the {@code other} settings; tests use it for a gateway of their own. */
    public CentralSettings withReminders(ReminderSettings other) {
        return new CentralSettings(dataDir, host, port, publicUrl, demo, demoVillage, demoTownship, logDir,
                sessionTimeoutMinutes, syncTimings, engineParameters, monitor, rectificationWorkingDays, database,
                other);
    }
}
