package cn.siyiban.central.cli;

import cn.siyiban.central.cli.CentralCli.CommandFailure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code --name value} options of one command; anything else is a usage error. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    static Options parse(List<String> args, List<String> names) {
        Options options = new Options();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!names.contains(arg)) {
                throw new CommandFailure(CentralCli.USAGE, "未知选项：" + arg + "（用 --help 查看用法）");
            }
            if (i + 1 >= args.size()) {
                throw new CommandFailure(CentralCli.USAGE, "选项 " + arg + " 缺少取值");
            }
            options.values.put(arg, args.get(++i));
        }
        return options;
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }
}
