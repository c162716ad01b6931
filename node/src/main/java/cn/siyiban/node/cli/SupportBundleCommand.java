package cn.siyiban.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import cn.siyiban.core.time.CountyClock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code siyiban-node support-bundle}: a zip file for the county's support staff with the logs,
 * the status and the configuration, with passwords, tokens and citizens' ID numbers removed by
 * {@link Redactor}.
 */
final class SupportBundleCommand {

    static final String HELP = """
            用法：siyiban-node support-bundle [--config FILE] [--out DIR]
            生成一个 zip 文件（日志、状态、配置），其中密码、令牌和身份证号已去除，可以发给县级管理员。
              --out DIR   zip 文件保存的文件夹，默认 /tmp
            """;
    /** The newest log text per file that goes into the bundle, so a bundle stays small enough to send. */
    private static final int MAX_LOG_BYTES = 5 * 1024 * 1024;

    private final PrintStream out;

    SupportBundleCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) {
        Options options = Options.parse(args, Set.of("--config", "--out"), Set.of());
        ConfigFile file = NodeConfig.file(options);
        NodeConfig config = NodeConfig.load(file);
        String point = config.settings().pointCode();
        Path zip = Path.of(options.get("--out", "/tmp")).resolve("siyiban-support-" + point + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(CountyClock.system().now()) + ".zip");
        try (ZipOutputStream bundle = new ZipOutputStream(Files.newOutputStream(zip))) {
            add(bundle, "config/" + file.path().getFileName(), Files.readString(file.path(), StandardCharsets.UTF_8));
            add(bundle, "status.json", status(config));
            Path logDir = config.settings().logDir();
            if (Files.isDirectory(logDir)) {
                try (Stream<Path> logs = Files.list(logDir)) {
                    for (Path log : logs.filter(Files::isRegularFile).sorted().toList()) {
                        add(bundle, "logs/" + log.getFileName().toString().replaceAll("\\.gz$", ""), readLog(log));
                    }
                }
            }
        } catch (IOException e) {
            throw new CommandException(ExitCode.FAILED, "无法生成 " + zip + "：" + e
                    + "。请用 --out 指定 siyiban 用户可写的文件夹。");
        }
        out.println("已生成 " + zip + "（密码、令牌和身份证号已去除）。请把这个文件发给县级管理员。");
        return ExitCode.OK;
    }

    private static String status(NodeConfig config) {
        LocalClient node = config.localClient();
        if (!node.isRunning()) {
            return "{\"running\":false}";
        }
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(node.get("/local/status"));
        } catch (IOException | CommandException e) {
            return "{\"running\":true,\"error\":\"" + e.getMessage().replace("\"", "'") + "\"}";
        }
    }

    private static String readLog(Path log) throws IOException {
        try (InputStream raw = Files.newInputStream(log);
             InputStream in = log.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            byte[] all = in.readAllBytes();
            int from = Math.max(0, all.length - MAX_LOG_BYTES);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        }
    }

    private static void add(ZipOutputStream bundle, String name, String text) throws IOException {
        bundle.putNextEntry(new ZipEntry(name));
        OutputStream entry = bundle;
        entry.write(Redactor.redact(text).getBytes(StandardCharsets.UTF_8));
        bundle.closeEntry();
    }
}
