package cn.siyiban.node.settings;

import cn.siyiban.core.network.Network;
import cn.siyiban.core.reminders.ReminderSettings;
import cn.siyiban.core.network.PointLevel;
import cn.siyiban.core.network.ServicePoint;
import cn.siyiban.core.settings.SettingValues;
import cn.siyiban.core.settings.SettingsException;
import cn.siyiban.node.sync.SyncSettings;
import cn.siyiban.sync.EngineParameters;
import cn.siyiban.sync.SyncTimings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the node's settings in one place, with the precedence of {@link SettingValues}: built-in
 * default, then the properties file named by {@code --config}, then the environment (e.g.
 * {@code SIYIBAN_POINT_CODE}), then the command line. Every value is checked here, at start, and
 * a broken one stops the start with its key, value, source and rule.
 */
public final class SettingsLoader {

    public static final String DATA_DIR = "data.dir";
    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_PORT = "http.port";
    public static final String POINT_CODE = "point.code";
    public static final String DEMO = "demo";
    public static final String LOG_DIR = "log.dir";
    public static final String SESSION_TIMEOUT_MINUTES = "session.timeout.minutes";
    public static final String CENTRAL_URL = "central.url";
    public static final String REGISTRATION_TOKEN = "registration.token";
    public static final String SYNC_PUSH_MS = "sync.push.period.ms";
    public static final String SYNC_PULL_MS = "sync.pull.period.ms";
    /** Period of the heartbeat and of the status report to central, in milliseconds. */
    public static final String SYNC_HEARTBEAT_MS = "sync.heartbeat.period.ms";
    /** Folder of the daily backups; read by {@code siyiban-node backup}, not by the server. */
    public static final String BACKUP_DIR = "backup.dir";
    /** Number of backups kept in {@link #BACKUP_DIR}, 1 to 365. */
    public static final String BACKUP_KEEP = "backup.keep";

    static final List<String> KEYS = Stream.concat(Stream.of(DATA_DIR, HTTP_HOST, HTTP_PORT, POINT_CODE, DEMO,
            LOG_DIR, SESSION_TIMEOUT_MINUTES, CENTRAL_URL, REGISTRATION_TOKEN, SYNC_PUSH_MS, SYNC_PULL_MS,
            SYNC_HEARTBEAT_MS, BACKUP_DIR, BACKUP_KEEP), ReminderSettings.KEYS.stream()).toList();

    public static final int DEFAULT_SESSION_TIMEOUT_MINUTES = 120;
    /** 北爱园居委会, the first village of 爱园镇: the point of a demo node without point.code. */
    public static final String DEMO_POINT_CODE = "321323101001";

    private static final Map<String, String> DEFAULTS = withReminderDefaults(Map.of(
            DATA_DIR, "data/node",
            HTTP_HOST, "0.0.0.0",
            HTTP_PORT, "8082",
            DEMO, "false",
            SESSION_TIMEOUT_MINUTES, String.valueOf(DEFAULT_SESSION_TIMEOUT_MINUTES),
            SYNC_PUSH_MS, String.valueOf(SyncTimings.defaults().pushMillis()),
            SYNC_PULL_MS, String.valueOf(SyncTimings.defaults().pullMillis()),
            SYNC_HEARTBEAT_MS, String.valueOf(SyncTimings.defaults().heartbeatMillis())));

    private SettingsLoader() {
    }

    private static Map<String, String> withReminderDefaults(Map<String, String> defaults) {
        Map<String, String> all = new HashMap<>(defaults);
        all.putAll(ReminderSettings.DEFAULTS);
        return Map.copyOf(all);
    }

    /** Loads and checks the settings; {@code environment} is normally {@link System#getenv()}. */
    public static NodeSettings load(CommandLine commandLine, Map<String, String> environment) {
        SettingValues values = SettingValues.merge(KEYS, DEFAULTS, commandLine.parsed(), environment);
        boolean demo = values.bool(DEMO);
        Path dataDir = values.path(DATA_DIR);
        Path logDir = values.has(LOG_DIR) ? values.path(LOG_DIR) : dataDir.resolve("logs");
        String host = values.nonBlank(HTTP_HOST);
        int port = values.integer(HTTP_PORT, 0, 65535);
        int timeout = values.integer(SESSION_TIMEOUT_MINUTES, 5, 1440);
        String point = checkPoint(values, demo);
        if (values.has(BACKUP_KEEP)) {
            values.integer(BACKUP_KEEP, 1, 365);
        }
        return new NodeSettings(dataDir, host, port, point, demo, logDir, timeout, syncSettings(values),
                ReminderSettings.load(values));
    }

    /** An empty central.url makes a standalone node that keeps its cases and never syncs. */
    private static SyncSettings syncSettings(SettingValues values) {
        String centralUrl = values.has(CENTRAL_URL) ? values.text(CENTRAL_URL) : null;
        if (centralUrl != null && !centralUrl.isEmpty()) {
            try {
                java.net.URI uri = new java.net.URI(centralUrl);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw values.invalid(CENTRAL_URL, "应为 http:// 或 https:// 开头的地址 must be an http or https URL");
                }
            } catch (java.net.URISyntaxException e) {
                throw values.invalid(CENTRAL_URL, "不是有效的网址 is not a valid URL");
            }
        }
        String token = values.has(REGISTRATION_TOKEN) ? values.text(REGISTRATION_TOKEN) : null;
        SyncTimings defaults = SyncTimings.defaults();
        SyncTimings timings = new SyncTimings(values.integer(SYNC_PUSH_MS, 200, 3_600_000),
                values.integer(SYNC_PULL_MS, 200, 3_600_000), defaults.routingMillis(),
                values.integer(SYNC_HEARTBEAT_MS, 1_000, 3_600_000));
        return new SyncSettings(centralUrl == null || centralUrl.isEmpty() ? null : centralUrl, token, timings,
                EngineParameters.fromSettings(values));
    }

    static String environmentName(String key) {
        return SettingValues.environmentName(key);
    }

    private static String checkPoint(SettingValues values, boolean demo) {
        if (!values.has(POINT_CODE) && demo) {
            return DEMO_POINT_CODE;
        }
        String code = values.text(POINT_CODE);
        if (code == null || code.isEmpty()) {
            throw new SettingsException("缺少必填设置 " + POINT_CODE + "（本服务点的12位区划代码）：请用 --point CODE、"
                    + "环境变量 " + environmentName(POINT_CODE) + " 或 --config 文件设置"
                    + " / missing required setting " + POINT_CODE + ": set it with --point CODE, "
                    + environmentName(POINT_CODE) + " or the --config file");
        }
        ServicePoint point = Network.shipped().find(code).orElseThrow(() -> values.invalid(POINT_CODE,
                "必须是泗阳县服务网络中的站点代码 must be the code of a point in the shipped network"));
        if (point.level() != PointLevel.VILLAGE && point.level() != PointLevel.TOWNSHIP) {
            throw values.invalid(POINT_CODE, "必须是村（社区）或镇（街道）站点，" + point.name() + "不运行节点"
                    + " must be a village or township point; " + point.level().code() + " points run central");
        }
        return code;
    }
}
