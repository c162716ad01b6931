package cn.siyiban.node.cli;

import cn.siyiban.core.time.CountyClock;
import cn.siyiban.node.backup.BackupFolder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code siyiban-node status}: registration, sync state, backlog, disk and last backup of the
 * running node, read from its local API. Exits with {@link ExitCode#CHECK_FAILED} when something
 * needs the technician.
 */
final class StatusCommand {

    static final String HELP = """
            用法：siyiban-node status [--config FILE] [--wait SECONDS]
            显示注册、同步、待上传数据、磁盘和最近一次备份。
              --wait SECONDS   等待节点完成注册并收到基础数据，最多等这么多秒
            退出码：0 正常；1 有需要处理的问题；7 等待超时；8 节点未运行
            """;
    /** Below this much free space on the data disk, status reports a problem. */
    static final long MIN_FREE_BYTES = 1024L * 1024 * 1024;
    private static final Duration BACKUP_OVERDUE = Duration.ofHours(48);

    private final PrintStream out;

    StatusCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) {
        Options options = Options.parse(args, Set.of("--config", "--wait"), Set.of());
        NodeConfig config = NodeConfig.load(NodeConfig.file(options));
        if (options.get("--wait") != null) {
            int exit = awaitReady(config, Duration.ofSeconds(options.integer("--wait", 600, 1, 86_400)));
            if (exit != ExitCode.OK) {
                return exit;
            }
        }
        return print(config);
    }

    /** Waits until the node is registered and has its initial load; prints each new problem once. */
    int awaitReady(NodeConfig config, Duration timeout) {
        LocalClient node = config.localClient();
        Instant deadline = Instant.now().plus(timeout);
        String shown = null;
        while (Instant.now().isBefore(deadline)) {
            String problem;
            if (!node.isRunning()) {
                problem = "等待节点启动（" + node.baseUrl() + "）";
            } else {
                JsonNode report = node.get("/local/status");
                JsonNode sync = report.path("sync");
                if (!sync.path("configured").asBoolean()) {
                    out.println("本节点未配置县级中心，单机运行。");
                    return ExitCode.OK;
                }
                if (sync.path("registered").asBoolean() && report.path("initialLoadReceived").asBoolean()) {
                    out.println("注册完成，基础数据已下载。");
                    return ExitCode.OK;
                }
                problem = sync.path("registered").asBoolean() ? "已注册，正在下载基础数据" : sync.path("problem").asText("正在注册");
            }
            if (!problem.equals(shown)) {
                out.println("  " + problem);
                shown = problem;
            }
            sleep();
        }
        out.println("等待 " + timeout.toSeconds() + " 秒后仍未完成：" + shown);
        out.println("请运行 siyiban-node doctor 检查网络和时钟，或查看 /var/log/siyiban/node.log。");
        return ExitCode.TIMED_OUT;
    }

    private int print(NodeConfig config) {
        LocalClient node = config.localClient();
        List<String> problems = new ArrayList<>();
        if (!node.isRunning()) {
            out.println("节点：未运行（" + node.baseUrl() + " 无响应）");
            printBackup(config, problems);
            out.println("请运行 sudo systemctl start siyiban-node，再查看 /var/log/siyiban/node.log。");
            return ExitCode.NODE_NOT_RUNNING;
        }
        JsonNode report = node.get("/local/status");
        JsonNode sync = report.path("sync");
        out.println("节点：运行中，版本 " + report.path("version").asText() + "，已运行 "
                + Duration.ofSeconds(report.path("uptimeSeconds").asLong()).toMinutes() + " 分钟");
        out.println("站点：" + report.path("point").asText() + "，本机办件 " + report.path("cases").asText("未知") + " 件");
        if (!sync.path("configured").asBoolean()) {
            out.println("同步：未配置县级中心，单机运行");
        } else {
            boolean registered = sync.path("registered").asBoolean();
            out.println("县级中心：" + sync.path("centralUrl").asText());
            out.println("注册：" + (registered ? "已注册" : "未注册"));
            if (!registered) {
                problems.add("未注册：" + sync.path("problem").asText());
            }
            boolean loaded = report.path("initialLoadReceived").asBoolean();
            out.println("基础数据：" + (loaded ? "已下载" : "尚未下载完成"));
            if (registered && !loaded) {
                problems.add("基础数据尚未下载完成");
            }
            JsonNode linkUp = sync.path("linkUp");
            out.println("同步链路：" + (linkUp.isNull() || linkUp.isMissingNode() ? "尚未连接" : linkUp.asBoolean()
                    ? "正常" : "中断") + (sync.hasNonNull("linkSince") ? "（自 " + time(sync.path("linkSince")) + "）" : ""));
            if (linkUp.isBoolean() && !linkUp.asBoolean()) {
                problems.add("同步链路中断：" + sync.path("problem").asText());
            }
            out.println("上次上传：" + time(sync.path("lastPush")) + "；上次下载：" + time(sync.path("lastPull")));
            out.println("待上传：" + sync.path("batchesWaiting").asLong() + " 批，" + sync.path("rowsWaiting").asLong() + " 行");
            long inError = sync.path("batchesInError").asLong();
            out.println("出错批次：" + inError);
            if (inError > 0) {
                problems.add(inError + " 个同步批次出错，请把 siyiban-node support-bundle 生成的文件发给县级管理员");
            }
        }
        long free = report.path("diskFreeBytes").asLong();
        out.println("磁盘：剩余 " + gigabytes(free) + "，共 " + gigabytes(report.path("diskTotalBytes").asLong()));
        if (free < MIN_FREE_BYTES) {
            problems.add("磁盘剩余空间不足 1 GB，请清理或更换更大的硬盘");
        }
        printBackup(config, problems);
        if (problems.isEmpty()) {
            out.println("结论：正常");
            return ExitCode.OK;
        }
        out.println("需要处理：");
        problems.forEach(problem -> out.println("  - " + problem));
        return ExitCode.CHECK_FAILED;
    }

    private void printBackup(NodeConfig config, List<String> problems) {
        List<BackupFolder> backups;
        try {
            backups = BackupFolder.list(config.backupDir(), config.settings().pointCode());
        } catch (RuntimeException e) {
            out.println("最近备份：无法读取备份文件夹 " + config.backupDir() + "（" + e.getMessage() + "）");
            return;
        }
        if (backups.isEmpty()) {
            out.println("最近备份：无（备份文件夹 " + config.backupDir() + "）");
            return;
        }
        BackupFolder last = backups.get(backups.size() - 1);
        out.println("最近备份：" + last.created().withNano(0).toString().replace('T', ' ') + "，" + last.path()
                + "（共 " + backups.size() + " 份）");
        // Backups are named and dated in county time, like every time the node stores.
        if (last.created().isBefore(CountyClock.system().now().minus(BACKUP_OVERDUE))) {
            problems.add("最近一次备份已超过 48 小时，请检查 U 盘和 siyiban-node-backup.timer");
        }
    }

    private static String time(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "无" : value.asText().replace('T', ' ').replaceAll("\\.\\d+$", "");
    }

    static String gigabytes(long bytes) {
        return String.format("%.1f GB", bytes / (1024.0 * 1024 * 1024));
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException(ExitCode.FAILED, "已中断");
        }
    }
}
