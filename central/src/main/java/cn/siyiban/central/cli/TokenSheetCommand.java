package cn.siyiban.central.cli;

import cn.siyiban.central.cli.CentralCli.CommandFailure;
import cn.siyiban.central.settings.CentralSettings;
import cn.siyiban.core.network.Network;
import cn.siyiban.core.network.PointLevel;
import cn.siyiban.core.network.ServicePoint;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code siyiban-central tokens}: issues a one-time registration token for each point of a list,
 * or of a township and its villages, through central's API as a county admin. It writes one
 * printable HTML sheet per township for the technicians who install the nodes there.
 */
final class TokenSheetCommand {

    static final String HELP = """
            用法：siyiban-central tokens (--township CODE | --points FILE) [选项]
            为一批站点签发一次性注册令牌，并按乡镇各生成一张可打印的令牌单（HTML，用浏览器打印）。
              --township CODE   为该镇（街道）及其下所有村（社区）签发
              --points FILE     为文件中列出的站点签发，每行一个12位区划代码，# 开头为注释
              --purpose P       register（首次注册，默认）或 reinstall（重装后重新注册）
              --user NAME       县级管理员账号，默认 admin；密码从环境变量 SIYIBAN_ADMIN_PASSWORD 读取，
                                未设置时在终端输入
              --out DIR         令牌单保存的文件夹，默认当前文件夹
              --config FILE     县级中心配置文件，默认 /etc/siyiban/central.properties
            令牌等同于密码：令牌单打印后请删除文件，纸质令牌单交技术员签收保管。
            """;

    private final PrintStream out;

    TokenSheetCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) {
        Options options = Options.parse(args, List.of("--township", "--points", "--purpose", "--user", "--out",
                "--config"));
        CentralSettings settings = CentralConfig.load(options.get("--config", CentralConfig.DEFAULT_FILE));
        List<ServicePoint> points = points(options);
        String purpose = options.get("--purpose", "register");
        if (!purpose.equals("register") && !purpose.equals("reinstall")) {
            throw new CommandFailure(CentralCli.USAGE, "--purpose 应为 register 或 reinstall，收到 " + purpose);
        }
        String user = options.get("--user", "admin");
        CentralClient central = new CentralClient("http://127.0.0.1:" + settings.port());
        central.login(user, password());

        Map<String, List<JsonNode>> byTownship = new LinkedHashMap<>();
        for (ServicePoint point : points) {
            JsonNode issued = central.post("/api/registrations", Map.of("point", point.code(), "purpose", purpose));
            String township = point.level() == PointLevel.TOWNSHIP ? point.code() : point.parentCode();
            byTownship.computeIfAbsent(township, code -> new ArrayList<>()).add(issued);
        }
        Path outDir = Path.of(options.get("--out", "."));
        for (Map.Entry<String, List<JsonNode>> township : byTownship.entrySet()) {
            String name = Network.shipped().find(township.getKey()).map(ServicePoint::name).orElse(township.getKey());
            Path sheet = outDir.resolve("令牌单-" + township.getKey() + "-" + name + ".html");
            write(sheet, TokenSheet.html(name, user, settings.publicUrl(), township.getValue()));
            out.println("已签发 " + township.getValue().size() + " 个令牌：" + sheet);
        }
        out.println("请用浏览器打开令牌单并打印，打印后删除这些文件。");
        return CentralCli.OK;
    }

    private static List<ServicePoint> points(Options options) {
        Network network = Network.shipped();
        List<String> codes = new ArrayList<>();
        String township = options.get("--township", null);
        String file = options.get("--points", null);
        if ((township == null) == (file == null)) {
            throw new CommandFailure(CentralCli.USAGE, "请只用 --township 或 --points 中的一个指定站点");
        }
        if (township != null) {
            codes.add(township.strip());
            network.children(township.strip()).forEach(child -> codes.add(child.code()));
        } else {
            try {
                for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
                    String code = line.strip();
                    if (!code.isEmpty() && !code.startsWith("#")) {
                        codes.add(code);
                    }
                }
            } catch (IOException e) {
                throw new CommandFailure(CentralCli.USAGE, "无法读取站点列表 " + file + "：" + e.getMessage());
            }
        }
        List<ServicePoint> points = new ArrayList<>();
        for (String code : codes) {
            ServicePoint point = network.find(code).orElseThrow(() -> new CommandFailure(CentralCli.USAGE,
                    "站点代码 " + code + " 不在泗阳县服务网络中"));
            if (point.level() != PointLevel.VILLAGE && point.level() != PointLevel.TOWNSHIP) {
                throw new CommandFailure(CentralCli.USAGE, point.name() + "（" + code + "）不是村（社区）或镇（街道）站点，不需要令牌");
            }
            points.add(point);
        }
        return points;
    }

    private static String password() {
        String fromEnvironment = System.getenv("SIYIBAN_ADMIN_PASSWORD");
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        Console console = System.console();
        if (console == null) {
            throw new CommandFailure(CentralCli.USAGE, "没有终端可输入密码：请设置环境变量 SIYIBAN_ADMIN_PASSWORD");
        }
        char[] typed = console.readPassword("县级管理员密码：");
        return typed == null ? "" : new String(typed);
    }

    private static void write(Path sheet, String html) {
        try {
            Files.createDirectories(sheet.toAbsolutePath().getParent());
            Files.writeString(sheet, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandFailure(CentralCli.FAILED, "无法写入 " + sheet + "：" + e.getMessage());
        }
    }
}
