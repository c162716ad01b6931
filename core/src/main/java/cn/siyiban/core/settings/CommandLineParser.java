package cn.siyiban.core.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a server's command line: options that set a setting key, flags that set a boolean key
 * to {@code true}, plus {@code --config FILE}, {@code --help} and {@code --version}. Both
 * {@code --port 8082} and {@code --port=8082} are accepted, and a flag also takes {@code --demo=false}.
 */
public final class CommandLineParser {

    private final Map<String, String> valueOptions;
    private final Map<String, String> flagOptions;

    /**
     * @param valueOptions option that takes a value, such as {@code --port}, mapped to its setting key
     * @param flagOptions option without a value, such as {@code --demo}, mapped to its boolean setting key
     */
    public CommandLineParser(Map<String, String> valueOptions, Map<String, String> flagOptions) {
        this.valueOptions = Map.copyOf(valueOptions);
        this.flagOptions = Map.copyOf(flagOptions);
    }

    /** Parses {@code args}; throws {@link SettingsException} for an unknown option or a missing value. */
    public ParsedCommandLine parse(List<String> args) {
        Map<String, String> settings = new LinkedHashMap<>();
        String configFile = null;
        boolean help = false;
        boolean version = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                help = true;
            } else if (name.equals("--version")) {
                version = true;
            } else if (name.equals("--config")) {
                configFile = value != null ? value : valueAfter(args, i++, name);
            } else if (flagOptions.containsKey(name)) {
                settings.put(flagOptions.get(name), value == null ? "true" : value);
            } else if (valueOptions.containsKey(name)) {
                settings.put(valueOptions.get(name), value != null ? value : valueAfter(args, i++, name));
            } else {
                throw new SettingsException("未知的命令行选项 " + arg + "，可用 --help 查看全部选项"
                        + " / unknown option " + arg + "; see --help");
            }
        }
        return new ParsedCommandLine(settings, configFile, help, version);
    }

    private static String valueAfter(List<String> args, int index, String option) {
        if (index + 1 >= args.size() || args.get(index + 1).startsWith("--")) {
            throw new SettingsException("命令行选项 " + option + " 缺少取值 / option " + option + " needs a value");
        }
        return args.get(index + 1);
    }
}
