package cn.siyiban.node.settings;

import cn.siyiban.core.network.Network;
import cn.siyiban.core.network.PointLevel;
import cn.siyiban.core.network.ServicePoint;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the node's settings in one place, with one precedence: built-in default, then the
 * properties file named by {@code --config}, then the environment ({@code SIYIBAN_} and the key in
 * upper case with dots as underscores, e.g. {@code SIYIBAN_POINT_CODE}), then the command line.
 * Every value is checked here, at start, and a broken one stops the start with its key, value,
 * source and rule.
 */
public final class SettingsLoader {

    public static final String DATA_DIR = "data.dir";
    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_PORT = "http.port";
    public static final String POINT_CODE = "point.code";
    public static final String DEMO = "demo";
    public static final String LOG_DIR = "log.dir";
    public static final String SESSION_TIMEOUT_MINUTES = "session.timeout.minutes";

    static final List<String> KEYS = List.of(DATA_DIR, HTTP_HOST, HTTP_PORT, POINT_CODE, DEMO, LOG_DIR,
            SESSION_TIMEOUT_MINUTES);

    public static final int DEFAULT_SESSION_TIMEOUT_MINUTES = 120;
    /** 北爱园居委会, the first village of 爱园镇: the point of a demo node without point.code. */
    public static final String DEMO_POINT_CODE = "321323101001";

    private static final Map<String, String> DEFAULTS = Map.of(
            DATA_DIR, "data/node",
            HTTP_HOST, "0.0.0.0",
            HTTP_PORT, "8082",
            DEMO, "false",
            SESSION_TIMEOUT_MINUTES, String.valueOf(DEFAULT_SESSION_TIMEOUT_MINUTES));

    private SettingsLoader() {
    }

    /** A setting's text and where it came from, for error messages. */
    private record Value(String text, String source) {
    }

    /** Loads and checks the settings; {@code environment} is normally {@link System#getenv()}. */
    public static NodeSettings load(CommandLine commandLine, Map<String, String> environment) {
        Map<String, Value> values = new LinkedHashMap<>();
        DEFAULTS.forEach((key, text) -> values.put(key, new Value(text, "默认值 default")));
        if (commandLine.configFile() != null) {
            readFile(Path.of(commandLine.configFile())).forEach((key, text) ->
                    values.put(key, new Value(text, "文件 file " + commandLine.configFile())));
        }
        for (String key : KEYS) {
            String name = environmentName(key);
            String text = environment.get(name);
            if (text != null && !text.isBlank()) {
                values.put(key, new Value(text, "环境变量 environment " + name));
            }
        }
        commandLine.settings().forEach((key, text) -> values.put(key, new Value(text, "命令行 command line")));
        return validate(values);
    }

    static String environmentName(String key) {
        return "SIYIBAN_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new SettingsException("无法读取设置文件 " + file.toAbsolutePath() + "：" + e.getMessage()
                    + " / cannot read settings file " + file.toAbsolutePath());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new SettingsException("设置文件 " + file + " 中有未知的设置 " + key + "，可用的设置为 " + KEYS
                        + " / unknown setting " + key + " in " + file + "; known settings are " + KEYS);
            }
            values.put(key, properties.getProperty(key).strip());
        }
        return values;
    }

    private static NodeSettings validate(Map<String, Value> values) {
        boolean demo = parseBoolean(values, DEMO);
        Path dataDir = parsePath(values, DATA_DIR);
        Path logDir = values.containsKey(LOG_DIR) ? parsePath(values, LOG_DIR) : dataDir.resolve("logs");
        String host = values.get(HTTP_HOST).text().strip();
        if (host.isEmpty()) {
            throw broken(HTTP_HOST, values.get(HTTP_HOST), "不能为空 must not be empty");
        }
        int port = parseInt(values, HTTP_PORT, 0, 65535);
        int timeout = parseInt(values, SESSION_TIMEOUT_MINUTES, 5, 1440);
        String point = checkPoint(values, demo);
        return new NodeSettings(dataDir, host, port, point, demo, logDir, timeout);
    }

    private static String checkPoint(Map<String, Value> values, boolean demo) {
        Value value = values.get(POINT_CODE);
        if (value == null && demo) {
            return DEMO_POINT_CODE;
        }
        if (value == null || value.text().isBlank()) {
            throw new SettingsException("缺少必填设置 " + POINT_CODE + "（本服务点的12位区划代码）：请用 --point CODE、"
                    + "环境变量 " + environmentName(POINT_CODE) + " 或 --config 文件设置"
                    + " / missing required setting " + POINT_CODE + ": set it with --point CODE, "
                    + environmentName(POINT_CODE) + " or the --config file");
        }
        String code = value.text().strip();
        ServicePoint point = Network.shipped().find(code).orElseThrow(() -> broken(POINT_CODE, value,
                "必须是泗阳县服务网络中的站点代码 must be the code of a point in the shipped network"));
        if (point.level() != PointLevel.VILLAGE && point.level() != PointLevel.TOWNSHIP) {
            throw broken(POINT_CODE, value, "必须是村（社区）或镇（街道）站点，" + point.name() + "不运行节点"
                    + " must be a village or township point; " + point.level().code() + " points run central");
        }
        return code;
    }

    private static boolean parseBoolean(Map<String, Value> values, String key) {
        String text = values.get(key).text().strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw broken(key, values.get(key), "应为 true 或 false must be true or false");
        };
    }

    private static int parseInt(Map<String, Value> values, String key, int min, int max) {
        Value value = values.get(key);
        try {
            int number = Integer.parseInt(value.text().strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the rule
        }
        throw broken(key, value, "应为 " + min + " 到 " + max + " 之间的整数 must be an integer from " + min
                + " to " + max);
    }

    private static Path parsePath(Map<String, Value> values, String key) {
        Value value = values.get(key);
        try {
            if (!value.text().isBlank()) {
                return Path.of(value.text().strip());
            }
        } catch (InvalidPathException e) {
            // reported below with the rule
        }
        throw broken(key, value, "应为有效的文件夹路径 must be a valid folder path");
    }

    private static SettingsException broken(String key, Value value, String rule) {
        return new SettingsException("设置 " + key + "=\"" + value.text() + "\"（来自" + value.source() + "）无效："
                + rule + " / invalid setting " + key + "=\"" + value.text() + "\"");
    }
}
