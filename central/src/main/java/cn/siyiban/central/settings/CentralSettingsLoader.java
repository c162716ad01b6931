package cn.siyiban.central.settings;

import cn.siyiban.core.network.Network;
import cn.siyiban.core.reminders.ReminderSettings;
import cn.siyiban.core.network.PointLevel;
import cn.siyiban.core.network.ServicePoint;
import cn.siyiban.core.settings.CommandLineParser;
import cn.siyiban.core.settings.ParsedCommandLine;
import cn.siyiban.core.settings.SettingValues;
import cn.siyiban.core.settings.SettingsException;
import cn.siyiban.sync.EngineParameters;
import cn.siyiban.sync.SyncTimings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads central's settings in one place, with the precedence of {@link SettingValues}: built-in
 * default, then the properties file named by {@code --config}, then the environment (e.g.
 * {@code SIYIBAN_PUBLIC_URL}), then the command line. A broken value stops the start with its
 * key, value, source and rule.
 */
public final class CentralSettingsLoader {

    public static final String DATA_DIR = "data.dir";
    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_PORT = "http.port";
    public static final String PUBLIC_URL = "public.url";
    public static final String DEMO = "demo";
    public static final String DEMO_VILLAGE = "demo.village";
    public static final String DEMO_TOWNSHIP = "demo.township";
    public static final String LOG_DIR = "log.dir";
    public static final String SESSION_TIMEOUT_MINUTES = "session.timeout.minutes";
    public static final String SYNC_PUSH_PERIOD_MS = "sync.push.period.ms";
    public static final String SYNC_PULL_PERIOD_MS = "sync.pull.period.ms";
    public static final String SYNC_ROUTING_PERIOD_MS = "sync.routing.period.ms";
    public static final String SYNC_HEARTBEAT_PERIOD_MS = "sync.heartbeat.period.ms";
    public static final String MONITOR_OFFLINE_AFTER_SECONDS = "monitor.offline.after.seconds";
    public static final String MONITOR_BACKLOG_AFTER_SECONDS = "monitor.backlog.after.seconds";
    public static final String MONITOR_SAMPLE_PERIOD_SECONDS = "monitor.sample.period.seconds";
    public static final String MONITOR_DISK_LOW_PERCENT = "monitor.disk.low.percent";
    public static final String RECTIFICATION_WORKING_DAYS = "rectification.working.days";
    public static final String DB_URL = "db.url";
    public static final String DB_USER = "db.user";
    public static final String DB_PASSWORD = "db.password";

    static final List<String> KEYS = Stream.concat(Stream.of(DATA_DIR, HTTP_HOST, HTTP_PORT, PUBLIC_URL, DEMO,
            DEMO_VILLAGE, DEMO_TOWNSHIP, LOG_DIR, SESSION_TIMEOUT_MINUTES, SYNC_PUSH_PERIOD_MS, SYNC_PULL_PERIOD_MS,
            SYNC_ROUTING_PERIOD_MS, SYNC_HEARTBEAT_PERIOD_MS, MONITOR_OFFLINE_AFTER_SECONDS,
            MONITOR_BACKLOG_AFTER_SECONDS, MONITOR_SAMPLE_PERIOD_SECONDS, MONITOR_DISK_LOW_PERCENT,
            RECTIFICATION_WORKING_DAYS, DB_URL, DB_USER, DB_PASSWORD), ReminderSettings.KEYS.stream()).toList();

    public static final int DEFAULT_SESSION_TIMEOUT_MINUTES = 120;
    /** Working days to close the rectification item of a bad rating. */
    public static final int DEFAULT_RECTIFICATION_WORKING_DAYS = 5;
    /** 北爱园居委会, the first village of 爱园镇: the point of the demo village clerk. */
    public static final String DEFAULT_DEMO_VILLAGE = "321323101001";
    /** 爱园镇, the parent of the default demo village. */
    public static final String DEFAULT_DEMO_TOWNSHIP = "321323101000";
    /** Shortest and longest period of a sync job, in milliseconds. */
    private static final long MIN_PERIOD_MS = 100;
    private static final long MAX_PERIOD_MS = 3_600_000;
    /** Longest monitor threshold: one week, in seconds. */
    private static final long MAX_THRESHOLD_SECONDS = 7 * 24 * 3600;

    private static final CommandLineParser PARSER = new CommandLineParser(
            Map.of("--data", DATA_DIR,
                    "--host", HTTP_HOST,
                    "--port", HTTP_PORT,
                    "--public-url", PUBLIC_URL,
                    "--demo-village", DEMO_VILLAGE,
                    "--demo-township", DEMO_TOWNSHIP,
                    "--log-dir", LOG_DIR,
                    "--session-timeout", SESSION_TIMEOUT_MINUTES),
            Map.of("--demo", DEMO));

    public static final String HELP = """
            用法 / Usage: java -jar siyiban-central.jar [选项 / options]

              --data DIR              数据文件夹 / data folder, default ./data/central (data.dir)
              --host HOST             监听地址 / address to bind, default 0.0.0.0 (http.host)
              --port N                网页与同步端口 / web and sync port, default 8080; 0 picks a free port (http.port)
              --public-url URL        各节点访问县级中心的网址 / URL at which nodes reach central,
                                      default http://127.0.0.1:PORT (public.url)
              --log-dir DIR           日志文件夹 / log folder, default DATA/logs (log.dir)
              --session-timeout MIN   登录空闲超时（分钟）/ idle minutes before a user logs in again,
                                      5 to 1440, default 120 (session.timeout.minutes)
              --demo                  演示模式：创建演示账号 clerk、clerk2、reviewer、admin，密码 siyiban-demo
                                      / demo mode: creates demo accounts with a published password (demo)
              --demo-village CODE     演示代办员所在村（社区）/ village of the demo clerk, default 321323101001 (demo.village)
              --demo-township CODE    演示窗口人员所在镇（街道）/ township of the demo clerk2,
                                      default the demo village's township (demo.township)
              --config FILE           从 properties 文件读取上述设置 / read the settings above from a properties file
              --version               显示版本 / print the version
              --help                  显示本说明 / print this help

            仅可在文件或环境变量中设置 / only in the file or the environment:
              sync.push.period.ms, sync.pull.period.ms, sync.routing.period.ms
                                      同步任务周期（毫秒）/ period of SymmetricDS's push, pull and routing jobs
                                      in milliseconds, 100 to 3600000
              sync.heartbeat.period.ms
                                      心跳周期（毫秒），应与各节点相同 / heartbeat period in milliseconds,
                                      the same as the nodes', 1000 to 3600000, default 60000
              monitor.offline.after.seconds
                                      无心跳超过此时长即为离线（秒）/ seconds without a heartbeat after which
                                      a node is offline, longer than the 60 s heartbeat, default 7200
              monitor.backlog.after.seconds
                                      最早未送达批次超过此时长即为滞后（秒）/ age in seconds of the oldest
                                      batch not yet loaded after which a node is behind, default 1800
              monitor.sample.period.seconds
                                      同步积压采样周期（秒），0 为不采样 / seconds between backlog samples
                                      for the 7-day plot, 5 to 3600, 0 means off, default 300
              monitor.disk.low.percent
                                      节点剩余磁盘低于此百分比即告警 / alert when a node's free disk is
                                      below this percentage of its size, 1 to 50, default 10
              rectification.working.days
                                      差评整改时限（工作日）/ working days to close the rectification item
                                      of a bad rating, 1 to 60, default 5
              db.url                  PostgreSQL 数据库的 JDBC 地址，如 jdbc:postgresql://db:5432/siyiban；
                                      未设置时使用数据文件夹中的 Derby 数据库 / JDBC URL of a PostgreSQL
                                      database; without it central uses embedded Derby in DATA/db
              db.user                 PostgreSQL 用户名，设置 db.url 时必填 / PostgreSQL user, required with db.url
              db.password             PostgreSQL 密码，建议用环境变量 SIYIBAN_DB_PASSWORD 设置
                                      / PostgreSQL password, best set in SIYIBAN_DB_PASSWORD

            优先级 / precedence: 内置默认值 built-in default < --config 文件 file
                                 < 环境变量 environment (SIYIBAN_HTTP_PORT, SIYIBAN_PUBLIC_URL, ...) < 命令行 command line
            """;

    private CentralSettingsLoader() {
    }

    /** Parses {@code args}; throws {@link cn.siyiban.core.settings.SettingsException} for an unknown option. */
    public static ParsedCommandLine parse(List<String> args) {
        return PARSER.parse(args);
    }

    /** Loads and checks the settings; {@code environment} is normally {@link System#getenv()}. */
    public static CentralSettings load(ParsedCommandLine commandLine, Map<String, String> environment) {
        SettingValues values = SettingValues.merge(KEYS, defaults(), commandLine, environment);
        Path dataDir = values.path(DATA_DIR);
        Path logDir = values.has(LOG_DIR) ? values.path(LOG_DIR) : dataDir.resolve("logs");
        String host = values.nonBlank(HTTP_HOST);
        int port = values.integer(HTTP_PORT, 0, 65535);
        String publicUrl = values.has(PUBLIC_URL) ? values.httpUrl(PUBLIC_URL) : "http://127.0.0.1:" + port;
        boolean demo = values.bool(DEMO);
        String village = checkPoint(values, DEMO_VILLAGE, PointLevel.VILLAGE, "村（社区）village");
        String township = values.has(DEMO_TOWNSHIP)
                ? checkPoint(values, DEMO_TOWNSHIP, PointLevel.TOWNSHIP, "镇（街道）township")
                : Network.shipped().find(village).orElseThrow().parentCode();
        int timeout = values.integer(SESSION_TIMEOUT_MINUTES, 5, 1440);
        SyncTimings timings = new SyncTimings(
                values.longInteger(SYNC_PUSH_PERIOD_MS, MIN_PERIOD_MS, MAX_PERIOD_MS),
                values.longInteger(SYNC_PULL_PERIOD_MS, MIN_PERIOD_MS, MAX_PERIOD_MS),
                values.longInteger(SYNC_ROUTING_PERIOD_MS, MIN_PERIOD_MS, MAX_PERIOD_MS),
                values.longInteger(SYNC_HEARTBEAT_PERIOD_MS, 1_000, MAX_PERIOD_MS));
        int rectificationDays = values.integer(RECTIFICATION_WORKING_DAYS, 1, 60);
        return new CentralSettings(dataDir, host, port, publicUrl, demo, village, township, logDir, timeout, timings,
                EngineParameters.fromSettings(values), monitor(values, timings.heartbeatMillis()), rectificationDays,
                database(values), ReminderSettings.load(values));
    }

    /**
     * Reads the PostgreSQL settings, or returns embedded Derby when {@code db.url} is not set.
     * The password is never part of an error message.
     */
    private static DatabaseSettings database(SettingValues values) {
        String url = values.text(DB_URL);
        if (url == null || url.isEmpty()) {
            if (values.has(DB_USER) || values.has(DB_PASSWORD)) {
                throw values.invalid(DB_URL, "设置了 db.user 或 db.password 时必须设置 db.url"
                        + " / must be set when db.user or db.password is");
            }
            return DatabaseSettings.embedded();
        }
        if (!url.startsWith("jdbc:postgresql://")) {
            throw values.invalid(DB_URL, "应为 jdbc:postgresql://主机:端口/数据库 must be jdbc:postgresql://host:port/database");
        }
        if (url.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
            // Rejected without echoing the value, because it would put the password into the log.
            throw new SettingsException("db.url 中不能包含密码，请改用 db.password 或环境变量 SIYIBAN_DB_PASSWORD"
                    + " / db.url must not contain the password; set db.password or SIYIBAN_DB_PASSWORD instead");
        }
        String user = values.nonBlank(DB_USER);
        String password = values.has(DB_PASSWORD) ? values.text(DB_PASSWORD) : "";
        return DatabaseSettings.postgresql(url, user, password);
    }

    private static MonitorSettings monitor(SettingValues values, long heartbeatMillis) {
        // A threshold at or below the heartbeat period would show a healthy node as offline
        // between two heartbeats.
        long minOffline = heartbeatMillis / 1000 + 5;
        Duration offline = Duration.ofSeconds(
                values.longInteger(MONITOR_OFFLINE_AFTER_SECONDS, minOffline, MAX_THRESHOLD_SECONDS));
        Duration backlog = Duration.ofSeconds(
                values.longInteger(MONITOR_BACKLOG_AFTER_SECONDS, 10, MAX_THRESHOLD_SECONDS));
        long sample = values.longInteger(MONITOR_SAMPLE_PERIOD_SECONDS, 0, 3600);
        if (sample != 0 && sample < 5) {
            throw values.invalid(MONITOR_SAMPLE_PERIOD_SECONDS, "应为0（不采样）或5到3600 must be 0 (off) or 5 to 3600");
        }
        int diskLowPercent = values.integer(MONITOR_DISK_LOW_PERCENT, 1, 50);
        return new MonitorSettings(offline, backlog, Duration.ofSeconds(sample), diskLowPercent);
    }

    private static Map<String, String> defaults() {
        SyncTimings timings = SyncTimings.defaults();
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(DATA_DIR, "data/central");
        defaults.put(HTTP_HOST, "0.0.0.0");
        defaults.put(HTTP_PORT, "8080");
        defaults.put(DEMO, "false");
        defaults.put(DEMO_VILLAGE, DEFAULT_DEMO_VILLAGE);
        defaults.put(SESSION_TIMEOUT_MINUTES, String.valueOf(DEFAULT_SESSION_TIMEOUT_MINUTES));
        defaults.put(SYNC_PUSH_PERIOD_MS, String.valueOf(timings.pushMillis()));
        defaults.put(SYNC_PULL_PERIOD_MS, String.valueOf(timings.pullMillis()));
        defaults.put(SYNC_ROUTING_PERIOD_MS, String.valueOf(timings.routingMillis()));
        defaults.put(SYNC_HEARTBEAT_PERIOD_MS, String.valueOf(timings.heartbeatMillis()));
        MonitorSettings monitor = MonitorSettings.defaults();
        defaults.put(MONITOR_OFFLINE_AFTER_SECONDS, String.valueOf(monitor.offlineAfter().toSeconds()));
        defaults.put(MONITOR_BACKLOG_AFTER_SECONDS, String.valueOf(monitor.backlogAfter().toSeconds()));
        defaults.put(MONITOR_SAMPLE_PERIOD_SECONDS, String.valueOf(monitor.samplePeriod().toSeconds()));
        defaults.put(MONITOR_DISK_LOW_PERCENT, String.valueOf(monitor.diskLowPercent()));
        defaults.put(RECTIFICATION_WORKING_DAYS, String.valueOf(DEFAULT_RECTIFICATION_WORKING_DAYS));
        defaults.putAll(ReminderSettings.DEFAULTS);
        return defaults;
    }

    private static String checkPoint(SettingValues values, String key, PointLevel level, String levelName) {
        String code = values.nonBlank(key);
        ServicePoint point = Network.shipped().find(code).orElseThrow(() -> values.invalid(key,
                "必须是泗阳县服务网络中的站点代码 must be the code of a point in the shipped network"));
        if (point.level() != level) {
            throw values.invalid(key, "必须是" + levelName + "站点，" + point.name() + "是" + point.level().label()
                    + " must be a " + level.code() + " point, not " + point.level().code());
        }
        return code;
    }
}
