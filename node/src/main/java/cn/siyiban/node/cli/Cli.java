package cn.siyiban.node.cli;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Runs a technician's command, such as {@code siyiban-node status}. Output is Chinese; the exit
 * code is one of {@link ExitCode}.
 */
public final class Cli {

    private static final Set<String> COMMANDS = Set.of("setup", "status", "doctor", "backup", "restore",
            "support-bundle");
    static final String HELP = """
            用法：siyiban-node 命令 [选项]
              setup            写入配置并向县级中心注册本节点
              status           显示注册、同步、待上传数据、磁盘和最近备份
              doctor           检查时钟、磁盘、内存、网络和数据库，并给出处理办法
              backup           备份数据库（节点运行时进行）
              restore          从备份恢复数据库（节点停止时进行）
              support-bundle   生成可发给县级管理员的诊断文件
            每个命令都可加 --help 查看选项。不带命令运行时启动节点服务（见 --help）。
            退出码：0 成功；1 检查未通过；2 用法错误；3 无法连接县级中心；4 令牌被拒绝；5 站点代码无效；
                    6 时钟偏差超过 5 分钟；7 等待超时；8 节点未运行；9 节点仍在运行；10 其他失败
            """;

    /** Derby's own log while a command opens a stopped node's database; the node's derby.log is not touched. */
    public static final java.io.OutputStream DERBY_LOG = java.io.OutputStream.nullOutputStream();

    private Cli() {
    }

    /** Returns whether {@code first} names a command rather than a server option. */
    public static boolean isCommand(String first) {
        return COMMANDS.contains(first) || "commands".equals(first);
    }

    /** Runs the command in {@code args[0]} and returns its exit code. */
    public static int run(String[] args) {
        // Set before the first logger or Derby connection exists, which read them once.
        System.setProperty("log4j2.configurationFile", "cli-log4j2.xml");
        System.setProperty("derby.stream.error.field", Cli.class.getName() + ".DERBY_LOG");
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if ("commands".equals(command)) {
            out.print(HELP);
            return ExitCode.OK;
        }
        if (rest.contains("--help")) {
            out.print(help(command));
            return ExitCode.OK;
        }
        try {
            return switch (command) {
                case "setup" -> new SetupCommand(out).run(rest);
                case "status" -> new StatusCommand(out).run(rest);
                case "doctor" -> new DoctorCommand(out).run(rest);
                case "backup" -> new BackupCommand(out).run(rest);
                case "restore" -> new RestoreCommand(out).run(rest);
                case "support-bundle" -> new SupportBundleCommand(out).run(rest);
                default -> throw new CommandException(ExitCode.USAGE, "未知命令：" + command);
            };
        } catch (CommandException e) {
            err.println("错误：" + e.getMessage());
            return e.exitCode();
        }
    }

    private static String help(String command) {
        return switch (command) {
            case "setup" -> SetupCommand.HELP;
            case "status" -> StatusCommand.HELP;
            case "doctor" -> DoctorCommand.HELP;
            case "backup" -> BackupCommand.HELP;
            case "restore" -> RestoreCommand.HELP;
            case "support-bundle" -> SupportBundleCommand.HELP;
            default -> HELP;
        };
    }
}
