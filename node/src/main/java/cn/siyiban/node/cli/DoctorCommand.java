package cn.siyiban.node.cli;

import cn.siyiban.core.db.Database;
import cn.siyiban.node.local.DatabaseCheck;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code siyiban-node doctor}: checks clock, disk, memory, central's reachability and the
 * database, and prints for each failed check what the technician should do.
 */
final class DoctorCommand {

    static final String HELP = """
            用法：siyiban-node doctor [--config FILE]
            逐项检查时钟、磁盘、内存、与县级中心的连接和数据库完整性，并给出处理办法。
            退出码：0 全部通过；1 有检查未通过
            """;
    /** Memory the node's JVM and the OS need beyond what is in use, from the measured footprint. */
    static final long MIN_AVAILABLE_MEMORY_KB = 512 * 1024;

    private final PrintStream out;
    private int failures;

    DoctorCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) {
        Options options = Options.parse(args, Set.of("--config"), Set.of());
        NodeConfig config = NodeConfig.load(NodeConfig.file(options));
        String centralUrl = config.settings().sync().centralUrl();

        if (centralUrl == null) {
            pass("县级中心", "未配置，单机运行");
        } else {
            checkCentral(centralUrl);
        }
        checkDisk(config.settings().dataDir());
        checkMemory();
        checkDatabase(config);
        out.println(failures == 0 ? "全部检查通过。" : failures + " 项检查未通过，请按上面的处理办法操作。");
        return failures == 0 ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    private void checkCentral(String centralUrl) {
        CentralProbe.Health health;
        try {
            health = new CentralProbe(centralUrl).health();
        } catch (CommandException e) {
            fail("县级中心连接", e.getMessage(), "检查网线、4G 路由器和中心地址；在浏览器打开 " + centralUrl + "/health 试一试。");
            fail("时钟", "无法与县级中心比对", "先恢复与县级中心的连接。");
            return;
        }
        if (health.status() == 200) {
            pass("县级中心连接", centralUrl + " 正常");
        } else {
            fail("县级中心连接", "HTTP " + health.status(), "县级中心工作不正常，请联系县级管理员。");
        }
        Duration offset = health.clockOffset();
        if (offset == null) {
            fail("时钟", "县级中心没有返回时间", "请联系县级管理员。");
        } else if (offset.abs().compareTo(CentralProbe.MAX_CLOCK_OFFSET) > 0) {
            fail("时钟", "与县级中心相差 " + offset.toSeconds() + " 秒", "运行 sudo timedatectl set-ntp true 开启自动校时；"
                    + "不能上外网时用 sudo date -s 按县级中心时间手动设置。");
        } else {
            pass("时钟", "与县级中心相差 " + offset.toSeconds() + " 秒");
        }
    }

    private void checkDisk(Path dataDir) {
        try {
            FileStore store = Files.getFileStore(Files.exists(dataDir) ? dataDir : dataDir.toAbsolutePath().getRoot());
            long free = store.getUsableSpace();
            String detail = "数据文件夹 " + dataDir + " 所在磁盘剩余 " + StatusCommand.gigabytes(free);
            if (free < StatusCommand.MIN_FREE_BYTES) {
                fail("磁盘", detail, "删除不需要的文件（如 /var/log/siyiban 以外的旧日志），或更换更大的硬盘。");
            } else {
                pass("磁盘", detail);
            }
        } catch (IOException e) {
            fail("磁盘", "无法读取 " + dataDir + "：" + e.getMessage(), "检查数据文件夹是否存在，硬盘是否损坏。");
        }
    }

    private void checkMemory() {
        try {
            long available = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemAvailable:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(-1);
            if (available < 0) {
                pass("内存", "无法读取可用内存（非 Linux），跳过");
            } else if (available < MIN_AVAILABLE_MEMORY_KB) {
                fail("内存", "可用内存 " + available / 1024 + " MB", "关闭本机上的其他程序；本机至少需要 4 GB 内存。");
            } else {
                pass("内存", "可用内存 " + available / 1024 + " MB");
            }
        } catch (IOException | NumberFormatException e) {
            pass("内存", "无法读取 /proc/meminfo，跳过");
        }
    }

    /** Asks the running node to check its database; opens it directly when the node is stopped. */
    private void checkDatabase(NodeConfig config) {
        LocalClient node = config.localClient();
        DatabaseCheck.Result result;
        if (node.isRunning()) {
            pass("节点", "运行中（" + node.baseUrl() + "）");
            JsonNode body = node.get("/local/database-check");
            List<String> problems = new java.util.ArrayList<>();
            body.path("problems").forEach(problem -> problems.add(problem.asText()));
            result = new DatabaseCheck.Result(body.path("tables").asInt(), problems);
        } else {
            fail("节点", "未运行（" + node.baseUrl() + " 无响应）", "运行 sudo systemctl start siyiban-node；"
                    + "仍失败时查看 /var/log/siyiban/node.log 的最后几行。");
            Path db = config.settings().databaseDir();
            if (!Files.isDirectory(db)) {
                fail("数据库", "数据库 " + db + " 不存在", "运行 siyiban-node setup 完成安装。");
                return;
            }
            try (Database database = Database.openDerby(db, 1)) {
                result = database.query(DatabaseCheck::run);
            } catch (RuntimeException e) {
                fail("数据库", "无法打开 " + db + "：" + e.getMessage(), "如果节点正在启动，请稍后再试；"
                        + "否则用 siyiban-node restore 从最近的备份恢复。");
                return;
            }
        }
        if (result.ok()) {
            pass("数据库", "检查了 " + result.tables() + " 张表，没有发现损坏");
        } else {
            fail("数据库", result.problems().size() + " 张表损坏：" + String.join("；", result.problems()),
                    "停止节点后用 siyiban-node restore 从最近的备份恢复，并联系县级管理员签发“重装后重新注册”令牌。");
        }
    }

    private void pass(String check, String detail) {
        out.println("[通过] " + check + "：" + detail);
    }

    private void fail(String check, String detail, String action) {
        failures++;
        out.println("[失败] " + check + "：" + detail);
        out.println("       处理办法：" + action);
    }
}
