package cn.siyiban.central.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Runs a county admin's command, such as {@code siyiban-central tokens}. Output is Chinese; the
 * exit codes are those of the node's commands, where they apply.
 */
public final class CentralCli {

    /** Exit codes, the same numbers as {@code siyiban-node}'s. */
    static final int OK = 0;
    static final int CHECK_FAILED = 1;
    static final int USAGE = 2;
    static final int CENTRAL_UNREACHABLE = 3;
    static final int FAILED = 10;

    private static final Set<String> COMMANDS = Set.of("status", "doctor", "tokens", "migrate-to-postgresql", "commands");
    static final String HELP = """
            用法：siyiban-central 命令 [选项]
              status    显示县级中心是否运行、版本和磁盘
              doctor    检查县级中心、磁盘和内存，并给出处理办法
              tokens    为一批站点签发注册令牌，按乡镇生成可打印的令牌单
              migrate-to-postgresql  把县级中心的数据从 Derby 迁移到 PostgreSQL（先停止县级中心）
            每个命令都可加 --help 查看选项。不带命令运行时启动县级中心服务（见 --help）。
            退出码：0 成功；1 检查未通过；2 用法错误；3 无法连接县级中心；10 其他失败
            """;

    private CentralCli() {
    }

    public static boolean isCommand(String first) {
        return COMMANDS.contains(first);
    }

    /** Runs the command in {@code args[0]} and returns its exit code. */
    public static int run(String[] args) {
        // Set before the first logger exists, which reads it once; central.log belongs to the server.
        System.setProperty("log4j2.configurationFile", "cli-log4j2.xml");
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "status" -> rest.contains("--help") ? help(out, StatusCommand.HELP) : new StatusCommand(out).run(rest, false);
                case "doctor" -> rest.contains("--help") ? help(out, StatusCommand.HELP) : new StatusCommand(out).run(rest, true);
                case "tokens" -> rest.contains("--help") ? help(out, TokenSheetCommand.HELP) : new TokenSheetCommand(out).run(rest);
                case "migrate-to-postgresql" -> rest.contains("--help") ? help(out, MigrateCommand.HELP)
                        : new MigrateCommand(out).run(rest);
                default -> help(out, HELP);
            };
        } catch (CommandFailure e) {
            err.println("错误：" + e.getMessage());
            return e.exitCode();
        }
    }

    private static int help(PrintStream out, String text) {
        out.print(text);
        return OK;
    }

    /** Ends a command with a Chinese message and an exit code. */
    static final class CommandFailure extends RuntimeException {
        private final int exitCode;

        CommandFailure(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }
}
