package cn.siyiban.central;

import cn.siyiban.central.cli.CentralCli;
import cn.siyiban.central.settings.CentralSettings;
import cn.siyiban.central.settings.CentralSettingsLoader;
import cn.siyiban.core.settings.ParsedCommandLine;
import cn.siyiban.core.settings.SettingsException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts central from the command line; see {@link CentralSettingsLoader#HELP} for the options. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && CentralCli.isCommand(args[0])) {
            // A county admin's command, such as "siyiban-central tokens": it talks to the running server.
            System.exit(CentralCli.run(args));
            return;
        }
        CentralSettings settings;
        try {
            ParsedCommandLine commandLine = CentralSettingsLoader.parse(Arrays.asList(args));
            if (commandLine.help()) {
                System.out.print(CentralSettingsLoader.HELP);
                return;
            }
            if (commandLine.version()) {
                System.out.println("siyiban-central " + Version.current());
                return;
            }
            settings = CentralSettingsLoader.load(commandLine, System.getenv());
        } catch (SettingsException e) {
            System.err.println("启动失败 / start failed: " + e.getMessage());
            System.exit(2);
            return;
        }
        // log4j2.xml and Derby read these when they first log, so they are set before any logger exists.
        System.setProperty("siyiban.log.dir", settings.logDir().toAbsolutePath().toString());
        System.setProperty("derby.stream.error.file", settings.logDir().resolve("derby.log").toAbsolutePath().toString());
        Logger log = LoggerFactory.getLogger(Main.class);
        try {
            CentralApp app = CentralApp.create(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "siyiban-shutdown"));
            app.start();
        } catch (RuntimeException e) {
            log.error("siyiban central failed to start", e);
            System.err.println("启动失败 / start failed: " + e.getMessage() + "（详见日志 / see the log in "
                    + settings.logDir().toAbsolutePath() + "）");
            System.exit(1);
        }
    }
}
