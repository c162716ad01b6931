package cn.siyiban.core.settings;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
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
 * A server's settings as text, merged from their sources with one precedence: built-in default,
 * then the properties file named by {@code --config}, then the environment ({@code SIYIBAN_} and
 * the key in upper case with dots as underscores, e.g. {@code SIYIBAN_HTTP_PORT}), then the
 * command line. The typed getters check each value and throw a {@link SettingsException} that
 * names the key, the value, its source and the rule.
 */
public final class SettingValues {

    /**
     * Prefix of the keys a settings file may use to set a SymmetricDS parameter directly, such as
     * {@code symmetric.job.purge.outgoing.cron}. They are for tuning by an engineer and for tests
     * that need a job to run often; {@link #withPrefix} returns them without the prefix.
     */
    public static final String ENGINE_PREFIX = "symmetric.";

    /** A setting's text and where it came from, for error messages. */
    private record Value(String text, String source) {
    }

    private final Map<String, Value> values;

    private SettingValues(Map<String, Value> values) {
        this.values = values;
    }

    /**
     * Merges the sources of a server's settings.
     *
     * @param keys every setting key of the server; a file with any other key is rejected
     * @param defaults built-in default of each key that has one
     * @param commandLine the parsed command line, which may name the properties file
     * @param environment normally {@link System#getenv()}
     */
    public static SettingValues merge(List<String> keys, Map<String, String> defaults, ParsedCommandLine commandLine,
                                      Map<String, String> environment) {
        Map<String, Value> values = new LinkedHashMap<>();
        defaults.forEach((key, text) -> values.put(key, new Value(text, "默认值 default")));
        if (commandLine.configFile() != null) {
            readFile(Path.of(commandLine.configFile()), keys).forEach((key, text) ->
                    values.put(key, new Value(text, "文件 file " + commandLine.configFile())));
        }
        for (String key : keys) {
            String name = environmentName(key);
            String text = environment.get(name);
            if (text != null && !text.isBlank()) {
                values.put(key, new Value(text, "环境变量 environment " + name));
            }
        }
        commandLine.settings().forEach((key, text) -> values.put(key, new Value(text, "命令行 command line")));
        return new SettingValues(values);
    }

    /** Returns the environment variable that sets {@code key}, e.g. {@code SIYIBAN_POINT_CODE}. */
    public static String environmentName(String key) {
        return "SIYIBAN_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    private static Map<String, String> readFile(Path file, List<String> keys) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new SettingsException("无法读取设置文件 " + file.toAbsolutePath() + "：" + e.getMessage()
                    + " / cannot read settings file " + file.toAbsolutePath());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!keys.contains(key) && !(key.startsWith(ENGINE_PREFIX) && key.length() > ENGINE_PREFIX.length())) {
                throw new SettingsException("设置文件 " + file + " 中有未知的设置 " + key + "，可用的设置为 " + keys
                        + " 和以 " + ENGINE_PREFIX + " 开头的 SymmetricDS 参数 / unknown setting " + key + " in " + file
                        + "; known settings are " + keys + " and SymmetricDS parameters prefixed with " + ENGINE_PREFIX);
            }
            values.put(key, properties.getProperty(key).strip());
        }
        return values;
    }

    /** Returns every setting whose key starts with {@code prefix}, keyed without the prefix. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                found.put(key.substring(prefix.length()), value.text().strip());
            }
        });
        return found;
    }

    /** Returns whether {@code key} has a value from any source, its default included. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Returns the stripped text of {@code key}, or null when no source sets it. */
    public String text(String key) {
        Value value = values.get(key);
        return value == null ? null : value.text().strip();
    }

    /** Returns the stripped text of {@code key}, which must not be blank. */
    public String nonBlank(String key) {
        String text = text(key);
        if (text == null || text.isEmpty()) {
            throw invalid(key, "不能为空 must not be empty");
        }
        return text;
    }

    public boolean bool(String key) {
        String text = nonBlank(key).toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw invalid(key, "应为 true 或 false must be true or false");
        };
    }

    /** Returns {@code key} as an integer from {@code min} to {@code max}, both included. */
    public int integer(String key, int min, int max) {
        return (int) longInteger(key, min, max);
    }

    /** Returns {@code key} as a long integer from {@code min} to {@code max}, both included. */
    public long longInteger(String key, long min, long max) {
        try {
            long number = Long.parseLong(nonBlank(key));
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the rule
        }
        throw invalid(key, "应为 " + min + " 到 " + max + " 之间的整数 must be an integer from " + min + " to " + max);
    }

    public Path path(String key) {
        String text = text(key);
        try {
            if (text != null && !text.isEmpty()) {
                return Path.of(text);
            }
        } catch (InvalidPathException e) {
            // reported below with the rule
        }
        throw invalid(key, "应为有效的文件夹路径 must be a valid folder path");
    }

    /** Returns {@code key} as an absolute http or https URL without a trailing slash. */
    public String httpUrl(String key) {
        String text = nonBlank(key);
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getQuery() == null) {
                return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
            }
        } catch (URISyntaxException e) {
            // reported below with the rule
        }
        throw invalid(key, "应为 http:// 或 https:// 开头的网址，如 http://192.168.1.10:8080"
                + " must be an http or https URL such as http://192.168.1.10:8080");
    }

    /**
     * Builds the exception for a value of {@code key} that breaks {@code rule}, naming the key, the
     * value and its source. Loaders use it for rules of their own, such as a known point code.
     */
    public SettingsException invalid(String key, String rule) {
        Value value = values.get(key);
        String text = value == null ? "" : value.text();
        String source = value == null ? "无 none" : value.source();
        return new SettingsException("设置 " + key + "=\"" + text + "\"（来自" + source + "）无效："
                + rule + " / invalid setting " + key + "=\"" + text + "\"");
    }
}
