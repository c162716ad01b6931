package cn.siyiban.central.cli;

import cn.siyiban.central.cli.CentralCli.CommandFailure;
import cn.siyiban.central.settings.CentralSettings;
import cn.siyiban.central.settings.CentralSettingsLoader;
import cn.siyiban.core.settings.SettingsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads central's settings from its properties file, as the service reads them. */
final class CentralConfig {

    static final String DEFAULT_FILE = "/etc/siyiban/central.properties";

    private CentralConfig() {
    }

    static CentralSettings load(String file) {
        return load(file, Map.of());
    }

    /** Reads the settings file, then the environment, as the service does (e.g. SIYIBAN_DB_PASSWORD). */
    static CentralSettings load(String file, Map<String, String> environment) {
        if (!Files.isRegularFile(Path.of(file))) {
            throw new CommandFailure(CentralCli.USAGE, "找不到配置文件 " + file + "，请用 --config 指定。");
        }
        try {
            return CentralSettingsLoader.load(CentralSettingsLoader.parse(List.of("--config", file)), environment);
        } catch (SettingsException e) {
            throw new CommandFailure(CentralCli.USAGE, "配置文件 " + file + " 有误：" + e.getMessage());
        }
    }
}
