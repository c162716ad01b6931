package cn.siyiban.node.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The options of one command: {@code --name value}, {@code --name=value} and bare flags. */
final class Options {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    /**
     * Parses {@code args}; {@code valued} lists the options that take a value and
     * {@code flagNames} the bare flags. Anything else is a usage error.
     */
    static Options parse(List<String> args, Set<String> valued, Set<String> flagNames) {
        Options options = new Options();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (flagNames.contains(name) && value == null) {
                options.flags.add(name);
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new CommandException(ExitCode.USAGE, "选项 " + name + " 缺少取值");
                    }
                    value = args.get(++i);
                }
                options.values.put(name, value);
            } else {
                throw new CommandException(ExitCode.USAGE, "未知选项：" + arg + "（用 --help 查看用法）");
            }
        }
        return options;
    }

    String get(String name) {
        return values.get(name);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String require(String name, String meaning) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new CommandException(ExitCode.USAGE, "缺少必填选项 " + name + "（" + meaning + "）");
        }
        return value.strip();
    }

    int integer(String name, int fallback, int min, int max) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CommandException(ExitCode.USAGE, "选项 " + name + " 应为 " + min + " 到 " + max + " 的整数，收到 " + value);
    }

    boolean flag(String name) {
        return flags.contains(name);
    }
}
