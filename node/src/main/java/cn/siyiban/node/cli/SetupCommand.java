package cn.siyiban.node.cli;

import cn.siyiban.core.network.Network;
import cn.siyiban.core.network.PointLevel;
import cn.siyiban.core.network.ServicePoint;
import cn.siyiban.node.settings.SettingsLoader;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code siyiban-node setup --central URL --point CODE --token TOKEN}: checks the point, central's
 * reachability and clock and the token, writes the configuration, restarts the service, and waits
 * until the node has registered and received its initial load.
 */
final class SetupCommand {

    static final String HELP = """
            用法：siyiban-node setup --central URL --point CODE --token TOKEN [选项]
            写入配置、向县级中心注册本节点，并等待基础数据下载完成。
              --central URL    县级中心地址，如 https://zx.siyang.example:8443
              --point CODE     本服务点的12位区划代码
              --token TOKEN    县级管理员签发的一次性注册令牌
              --config FILE    配置文件，默认 /etc/siyiban/node.properties
              --wait SECONDS   等待注册和基础数据的秒数，默认 600；0 表示不等待
              --no-start       只写配置，不重启服务（没有 systemd 时自动如此）
            """;

    private final PrintStream out;

    SetupCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) {
        Options options = Options.parse(args, Set.of("--central", "--point", "--token", "--config", "--wait"),
                Set.of("--no-start"));
        String centralUrl = options.require("--central", "县级中心地址");
        String code = options.require("--point", "本服务点的12位区划代码");
        String token = options.require("--token", "一次性注册令牌");
        int waitSeconds = options.integer("--wait", 600, 0, 86_400);
        ConfigFile file = NodeConfig.file(options);

        ServicePoint point = Network.shipped().find(code).orElseThrow(() -> new CommandException(ExitCode.POINT_UNKNOWN,
                "站点代码 " + code + " 不在泗阳县服务网络中，请核对12位区划代码。"));
        if (point.level() != PointLevel.VILLAGE && point.level() != PointLevel.TOWNSHIP) {
            throw new CommandException(ExitCode.POINT_UNKNOWN, point.name() + "（" + code + "）不是村（社区）或镇（街道）站点，不运行节点。");
        }
        out.println("[1/5] 站点：" + point.name() + "（" + code + "）");

        CentralProbe central = new CentralProbe(centralUrl);
        CentralProbe.Health health = central.health();
        if (health.status() != 200) {
            throw new CommandException(ExitCode.CENTRAL_UNREACHABLE, "县级中心 " + centralUrl + " 有响应但不正常（HTTP "
                    + health.status() + "），请联系县级管理员。");
        }
        out.println("[2/5] 县级中心可以连接：" + centralUrl);
        checkClock(health.clockOffset());
        out.println("[3/5] 本机时钟与县级中心相差 " + (health.clockOffset() == null ? "未知" : health.clockOffset().toSeconds() + " 秒"));

        String[] refusal = central.checkRegistration(code, point.level().nodeGroup(), token);
        if (refusal != null) {
            int exit = "unknown_point".equals(refusal[0]) ? ExitCode.POINT_UNKNOWN : ExitCode.TOKEN_REJECTED;
            throw new CommandException(exit, "县级中心不接受注册：" + refusal[1] + "（" + refusal[0] + "）");
        }
        out.println("[4/5] 注册令牌有效");

        Map<String, String> updates = new LinkedHashMap<>();
        updates.put(SettingsLoader.CENTRAL_URL, centralUrl);
        updates.put(SettingsLoader.POINT_CODE, code);
        updates.put(SettingsLoader.REGISTRATION_TOKEN, token);
        file.update(updates);
        out.println("[5/5] 已写入配置文件 " + file.path());

        NodeConfig config = NodeConfig.load(file);
        if (options.flag("--no-start") || !Services.systemdRunning()) {
            out.println("未重启服务（" + (options.flag("--no-start") ? "--no-start" : "本机没有运行 systemd")
                    + "）。请启动节点，然后运行 siyiban-node status --wait 600 等待注册完成。");
            return ExitCode.OK;
        }
        Services.restart("siyiban-node");
        out.println("已重启 siyiban-node 服务，正在等待注册和基础数据……");
        if (waitSeconds == 0) {
            return ExitCode.OK;
        }
        return new StatusCommand(out).awaitReady(config, Duration.ofSeconds(waitSeconds));
    }

    private static void checkClock(Duration offset) {
        if (offset != null && offset.abs().compareTo(CentralProbe.MAX_CLOCK_OFFSET) > 0) {
            throw new CommandException(ExitCode.CLOCK_OFF, "本机时钟与县级中心相差 " + offset.toSeconds() + " 秒，超过 "
                    + CentralProbe.MAX_CLOCK_OFFSET.toMinutes() + " 分钟。请校准时间：sudo timedatectl set-ntp true，"
                    + "或 sudo date -s '" + java.time.LocalDateTime.now().plus(offset).withNano(0).toString().replace('T', ' ')
                    + "'，然后重新运行 setup。");
        }
    }
}
