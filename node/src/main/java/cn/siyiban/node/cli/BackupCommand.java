package cn.siyiban.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code siyiban-node backup}: asks the running node for a Derby online backup into the backup
 * folder and deletes the oldest backups beyond the retention count. The daily
 * {@code siyiban-node-backup.timer} runs it.
 */
final class BackupCommand {

    static final String HELP = """
            用法：siyiban-node backup [--config FILE] [--to DIR] [--keep N]
            在节点运行时备份数据库（不影响受理），并只保留最新的 N 份。
              --to DIR    备份文件夹（如 U 盘 /media/usb/siyiban），默认为配置项 backup.dir
              --keep N    保留份数，默认为配置项 backup.keep（未设置时 14）
            退出码：0 成功；8 节点未运行；10 备份失败
            """;

    private final PrintStream out;

    BackupCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) {
        Options options = Options.parse(args, Set.of("--config", "--to", "--keep"), Set.of());
        NodeConfig config = NodeConfig.load(NodeConfig.file(options));
        Path dir = options.get("--to") != null ? Path.of(options.get("--to")) : config.backupDir();
        int keep = options.integer("--keep", config.backupKeep(), 1, 365);
        out.println("正在备份到 " + dir.toAbsolutePath() + " ……");
        JsonNode made = config.localClient().post("/local/backup",
                Map.of("dir", dir.toAbsolutePath().toString(), "keep", keep), Duration.ofMinutes(30));
        out.println("备份完成：" + made.path("path").asText() + "（" + made.path("sizeBytes").asLong() / (1024 * 1024)
                + " MB），保留最新 " + keep + " 份");
        return ExitCode.OK;
    }
}
