package cn.siyiban.central.cli;

import cn.siyiban.central.settings.CentralSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code siyiban-central status} and {@code doctor}: whether central answers, its version and
 * sync engine, the free disk space and, for doctor, the available memory, each failure with what
 * to do. The node-by-node sync state is on the county console's sync page.
 */
final class StatusCommand {

    static final String HELP = """
            用法：siyiban-central status|doctor [--config FILE]
            status 显示县级中心是否运行、版本、同步引擎和磁盘；doctor 另外检查内存，并给出处理办法。
            各节点的同步情况请在县级中心网页的“同步状态”页查看。
              --config FILE   配置文件，默认 /etc/siyiban/central.properties
            退出码：0 正常；1 有检查未通过；3 县级中心未运行
            """;
    /** Below this much free space on central's data disk, a check fails. */
    private static final long MIN_FREE_BYTES = 5L * 1024 * 1024 * 1024;
    private static final long MIN_AVAILABLE_MEMORY_KB = 1024 * 1024;

    private final PrintStream out;
    private int failures;

    StatusCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args, boolean doctor) {
        Options options = Options.parse(args, List.of("--config"));
        CentralSettings settings = CentralConfig.load(options.get("--config", CentralConfig.DEFAULT_FILE));
        CentralClient central = new CentralClient("http://127.0.0.1:" + settings.port());
        JsonNode health = central.health();
        if (health == null) {
            fail("县级中心", "未运行（" + central.baseUrl() + " 无响应）", "运行 sudo systemctl start siyiban-central，"
                    + "再查看 /var/log/siyiban/central.log 的最后几行。");
        } else if (!"UP".equals(health.path("status").asText())) {
            fail("县级中心", "状态 " + health.path("status").asText() + "，同步引擎 " + health.path("syncEngine").asText(),
                    "查看 /var/log/siyiban/central.log，必要时重启：sudo systemctl restart siyiban-central。");
        } else {
            pass("县级中心", "运行中，版本 " + health.path("version").asText() + "，同步引擎 "
                    + health.path("syncEngine").asText() + "，节点访问地址 " + settings.publicUrl());
        }
        checkDisk(settings.dataDir());
        if (doctor) {
            checkMemory();
        }
        if (health == null) {
            return CentralCli.CENTRAL_UNREACHABLE;
        }
        return failures == 0 ? CentralCli.OK : CentralCli.CHECK_FAILED;
    }

    private void checkDisk(Path dataDir) {
        try {
            FileStore store = Files.getFileStore(Files.exists(dataDir) ? dataDir : dataDir.toAbsolutePath().getRoot());
            long free = store.getUsableSpace();
            String detail = "数据文件夹 " + dataDir + " 所在磁盘剩余 " + String.format("%.1f GB", free / 1073741824.0);
            if (free < MIN_FREE_BYTES) {
                fail("磁盘", detail, "清理磁盘或扩容；县级中心至少需要 5 GB 空闲空间。");
            } else {
                pass("磁盘", detail);
            }
        } catch (IOException e) {
            fail("磁盘", "无法读取 " + dataDir + "：" + e.getMessage(), "检查数据文件夹和硬盘。");
        }
    }

    private void checkMemory() {
        try {
            long available = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemAvailable:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(-1);
            if (available >= 0 && available < MIN_AVAILABLE_MEMORY_KB) {
                fail("内存", "可用内存 " + available / 1024 + " MB", "关闭其他程序或增加内存；县级中心需要 1 GB 以上可用内存。");
            } else {
                pass("内存", available < 0 ? "无法读取，跳过" : "可用内存 " + available / 1024 + " MB");
            }
        } catch (IOException | NumberFormatException e) {
            pass("内存", "无法读取 /proc/meminfo，跳过");
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
