package cn.siyiban.node.settings;

import cn.siyiban.core.settings.CommandLineParser;
import cn.siyiban.core.settings.ParsedCommandLine;
import cn.siyiban.core.settings.SettingsException;
import java.util.List;
import java.util.Map;

/**
 * The node's command line: options that set a setting key, plus {@code --config}, {@code --help}
 * and {@code --version}. Both {@code --port 8082} and {@code --port=8082} are accepted.
 */
public record CommandLine(Map<String, String> settings, String configFile, boolean help, boolean version) {

    private static final CommandLineParser PARSER = new CommandLineParser(
            Map.of("--data", SettingsLoader.DATA_DIR,
                    "--host", SettingsLoader.HTTP_HOST,
                    "--port", SettingsLoader.HTTP_PORT,
                    "--point", SettingsLoader.POINT_CODE,
                    "--log-dir", SettingsLoader.LOG_DIR,
                    "--session-timeout", SettingsLoader.SESSION_TIMEOUT_MINUTES,
                    "--central", SettingsLoader.CENTRAL_URL,
                    "--token", SettingsLoader.REGISTRATION_TOKEN),
            Map.of("--demo", SettingsLoader.DEMO));

    public static final String HELP = """
            用法 / Usage: java -jar siyiban-node.jar [选项 / options]

              --point CODE            本服务点的区划代码（12位，村或镇）/ division code of this service point
                                      (setting point.code, environment SIYIBAN_POINT_CODE; required)
              --data DIR              数据文件夹 / data folder, default ./data/node (data.dir)
              --host HOST             监听地址 / address to bind, default 0.0.0.0 so LAN browsers reach it (http.host)
              --port N                网页端口 / web port, default 8082; 0 picks a free port (http.port)
              --log-dir DIR           日志文件夹 / log folder, default DATA/logs (log.dir)
              --session-timeout MIN   登录空闲超时（分钟）/ idle minutes before a clerk logs in again,
                                      5 to 1440, default 120 (session.timeout.minutes)
              --central URL           县级中心地址，如 http://10.32.1.10:8080；不填则本机单独运行、不同步
                                      / central's address; without it the node runs standalone (central.url)
              --token TOKEN           县级管理员签发的一次性注册令牌，注册成功后不再需要
                                      / one-time registration token from a county admin (registration.token)
              --demo                  演示模式：创建演示账号，密码 siyiban-demo；默认站点为北爱园居委会
                                      / demo mode: creates demo accounts with a published password (demo)
              --config FILE           从 properties 文件读取上述设置 / read the settings above from a properties file
              --version               显示版本 / print the version
              --help                  显示本说明 / print this help

            优先级 / precedence: 内置默认值 built-in default < --config 文件 file
                                 < 环境变量 environment (SIYIBAN_POINT_CODE, SIYIBAN_HTTP_PORT, ...) < 命令行 command line
            """;

    /** Parses {@code args}; throws {@link SettingsException} for an unknown option or a missing value. */
    public static CommandLine parse(List<String> args) {
        ParsedCommandLine parsed = PARSER.parse(args);
        return new CommandLine(parsed.settings(), parsed.configFile(), parsed.help(), parsed.version());
    }

    ParsedCommandLine parsed() {
        return new ParsedCommandLine(settings, configFile, help, version);
    }
}
