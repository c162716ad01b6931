package cn.siyiban.node.cli;

import cn.siyiban.node.backup.BackupFolder;
import cn.siyiban.node.backup.DatabaseRestore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code siyiban-node restore}: replaces the stopped node's database with a backup and makes the
 * node register again, so that central sends back the cases taken in after the backup.
 */
final class RestoreCommand {

    static final String HELP = """
            用法：siyiban-node restore [--config FILE] [--from DIR]
            节点停止时，用备份替换数据库。原数据库改名保留，不会删除。
              --from DIR   要恢复的备份文件夹；默认为备份文件夹中最新的一份
            恢复后本节点需要重新注册：请县级管理员签发“重装后重新注册”令牌，然后运行
              sudo siyiban-node setup --central URL --point CODE --token 新令牌
            县级中心会把备份之后受理的办件发回本节点。
            退出码：0 成功；9 节点仍在运行；10 恢复失败
            """;

    private final PrintStream out;

    RestoreCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) {
        Options options = Options.parse(args, Set.of("--config", "--from"), Set.of());
        NodeConfig config = NodeConfig.load(NodeConfig.file(options));
        if (config.localClient().isRunning()) {
            throw new CommandException(ExitCode.NODE_RUNNING, "节点正在运行。请先运行 sudo systemctl stop siyiban-node，再恢复。");
        }
        String point = config.settings().pointCode();
        BackupFolder backup;
        if (options.get("--from") != null) {
            Path from = Path.of(options.get("--from"));
            backup = BackupFolder.read(from).orElseThrow(() -> new CommandException(ExitCode.FAILED,
                    from + " 不是完整的备份文件夹（缺少 db/service.properties 或 siyiban-backup.properties）。"));
        } else {
            List<BackupFolder> all = BackupFolder.list(config.backupDir(), point);
            if (all.isEmpty()) {
                throw new CommandException(ExitCode.FAILED, "备份文件夹 " + config.backupDir() + " 中没有本站点的备份，请用 --from 指定。");
            }
            backup = all.get(all.size() - 1);
        }
        if (!point.equals(backup.point())) {
            throw new CommandException(ExitCode.FAILED, "备份 " + backup.path() + " 属于站点 " + backup.point()
                    + "，不是本节点的站点 " + point + "。");
        }
        out.println("正在从 " + backup.path() + "（" + backup.created() + "）恢复……");
        DatabaseRestore.Result result;
        try {
            result = DatabaseRestore.restore(backup, config.settings().databaseDir());
        } catch (RuntimeException e) {
            throw new CommandException(ExitCode.FAILED, "恢复失败：" + e.getMessage());
        }
        out.println("已恢复。原数据库保留在 " + result.previous() + "。");
        if (config.settings().sync().enabled()) {
            out.println("下一步：请县级管理员签发本站点的“重装后重新注册”令牌，然后运行");
            out.println("  sudo siyiban-node setup --central " + config.settings().sync().centralUrl() + " --point "
                    + point + " --token 新令牌");
            out.println("在 setup 报告完成之前，请不要受理新办件。");
        } else {
            out.println("本节点单机运行，运行 sudo systemctl start siyiban-node 即可。");
        }
        return ExitCode.OK;
    }
}
