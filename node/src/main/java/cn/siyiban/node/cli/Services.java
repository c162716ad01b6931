package cn.siyiban.node.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** systemd, where it runs; on a machine without it (a container, CI) the technician starts the node. */
final class Services {

    private Services() {
    }

    /** Returns whether systemd is the running init system, as {@code sd_booted(3)} decides it. */
    static boolean systemdRunning() {
        return Files.isDirectory(Path.of("/run/systemd/system"));
    }

    static void restart(String unit) {
        try {
            Process process = new ProcessBuilder("systemctl", "restart", unit).inheritIO().start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new CommandException(ExitCode.FAILED, "无法重启服务 " + unit + "。请运行 sudo systemctl status "
                        + unit + " 和 sudo journalctl -u " + unit + " 查看原因。");
            }
        } catch (IOException e) {
            throw new CommandException(ExitCode.FAILED, "无法运行 systemctl：" + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException(ExitCode.FAILED, "已中断");
        }
    }
}
