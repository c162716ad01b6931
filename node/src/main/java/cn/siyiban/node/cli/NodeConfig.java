package cn.siyiban.node.cli;

import cn.siyiban.core.settings.SettingsException;
import cn.siyiban.node.settings.CommandLine;
import cn.siyiban.node.settings.NodeSettings;
import cn.siyiban.node.settings.SettingsLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The installed node's settings as the commands see them: the server's settings read from the
 * same file through {@link SettingsLoader}, plus the backup keys that only the commands use.
 */
record NodeConfig(ConfigFile file, NodeSettings settings, Path backupDir, int backupKeep) {

    /** The file the Debian package installs; {@code --config FILE} names another one. */
    static final String DEFAULT_FILE = "/etc/siyiban/node.properties";
    static final int DEFAULT_BACKUP_KEEP = 14;

    static ConfigFile file(Options options) {
        return new ConfigFile(Path.of(options.get("--config", DEFAULT_FILE)));
    }

    /** Loads and checks the settings; the environment does not apply, as it does not for the service. */
    static NodeConfig load(ConfigFile file) {
        if (!file.exists()) {
            throw new CommandException(ExitCode.USAGE, "找不到配置文件 " + file.path()
                    + "。请先运行 siyiban-node setup，或用 --config 指定配置文件。");
        }
        NodeSettings settings;
        try {
            settings = SettingsLoader.load(CommandLine.parse(List.of("--config", file.path().toString())), java.util.Map.of());
        } catch (SettingsException e) {
            throw new CommandException(ExitCode.USAGE, "配置文件 " + file.path() + " 有误：" + e.getMessage());
        }
        Properties raw = file.read();
        String backup = raw.getProperty(SettingsLoader.BACKUP_DIR, "").strip();
        Path backupDir = backup.isEmpty() ? settings.dataDir().resolve("backups") : Path.of(backup);
        String keep = raw.getProperty(SettingsLoader.BACKUP_KEEP, "").strip();
        return new NodeConfig(file, settings, backupDir, keep.isEmpty() ? DEFAULT_BACKUP_KEEP : Integer.parseInt(keep));
    }

    LocalClient localClient() {
        return new LocalClient(settings.port(), settings.dataDir());
    }
}
