package cn.siyiban.central.cli;

import cn.siyiban.central.cli.CentralCli.CommandFailure;
import cn.siyiban.central.migration.DerbyToPostgresql;
import cn.siyiban.central.migration.MigrationRejected;
import cn.siyiban.central.settings.CentralSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * {@code siyiban-central migrate-to-postgresql}: moves a stopped central from its embedded Derby
 * database to the PostgreSQL database its settings name, with everything registered nodes need
 * to keep syncing.
 */
final class MigrateCommand {

    static final String HELP = """
            用法：siyiban-central migrate-to-postgresql [--config FILE]
            把县级中心的数据从内置的 Derby 数据库迁移到 PostgreSQL：全部办件、事项、人员、审计记录，
            以及 SymmetricDS 的注册和同步状态，各站点无需重新注册。
              --config FILE   县级中心配置文件，默认 /etc/siyiban/central.properties。
                              其中 data.dir 指向原来的数据文件夹（Derby 数据库在其下的 db），
                              db.url 和 db.user 指向一个空的 PostgreSQL 数据库；
                              密码用 db.password 或环境变量 SIYIBAN_DB_PASSWORD
            迁移前请先停止县级中心。Derby 数据库只读不改，迁移后请保留作备份。
            """;

    private final PrintStream out;

    MigrateCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) {
        Options options = Options.parse(args, List.of("--config"));
        CentralSettings settings = CentralConfig.load(options.get("--config", CentralConfig.DEFAULT_FILE), System.getenv());
        // Derby writes its own log to derby.log in the working folder unless this property names a
        // file, and to the console when the file's folder does not exist.
        try {
            Files.createDirectories(settings.logDir());
        } catch (IOException e) {
            throw new CommandFailure(CentralCli.FAILED, "无法建立日志文件夹 " + settings.logDir() + "：" + e.getMessage());
        }
        System.setProperty("derby.stream.error.file",
                settings.logDir().resolve("derby-migration.log").toAbsolutePath().toString());
        Map<String, Long> rows;
        try {
            rows = new DerbyToPostgresql(settings, out::println).run();
        } catch (MigrationRejected e) {
            throw new CommandFailure(e.isUsage() ? CentralCli.USAGE : CentralCli.FAILED, e.getMessage());
        }
        long total = rows.values().stream().mapToLong(Long::longValue).sum();
        out.println("迁移完成：" + rows.size() + " 张表，共 " + total + " 行，办件 " + rows.getOrDefault("sy_case", 0L)
                + " 件，已登记站点 " + rows.getOrDefault("sym_node", 0L) + " 个（含县级中心）。");
        out.println("现在可以启动县级中心（systemctl start siyiban-central）。首次启动时它会在 PostgreSQL 中重建同步触发器。");
        return CentralCli.OK;
    }
}
