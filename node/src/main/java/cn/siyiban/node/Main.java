package cn.siyiban.node;

import cn.siyiban.core.settings.SettingsException;
import cn.siyiban.node.cli.Cli;
import cn.siyiban.node.settings.CommandLine;
import cn.siyiban.node.settings.NodeSettings;
import cn.siyiban.node.settings.SettingsLoader;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts a node from the command line; see {@link CommandLine#HELP} for the options. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && Cli.isCommand(args[0])) {
            // A technician's command, such as "siyiban-node status": it talks to the running node.
            System.exit(Cli.run(args));
            return;
        }
        NodeSettings settings;
        try {
            CommandLine commandLine = CommandLine.parse(Arrays.asList(args));
            if (commandLine.help()) {
                System.out.print(CommandLine.HELP);
                return;
            }
            if (commandLine.version()) {
                System.out.println("siyiban-node " + Version.current());
                return;
            }
            settings = SettingsLoader.load(commandLine, System.getenv());
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
            NodeApp app = NodeApp.create(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "siyiban-shutdown"));
            app.start();
        } catch (RuntimeException e) {
            log.error("siyiban node failed to start", e);
            System.err.println("启动失败 / start failed: " + e.getMessage() + "（详见日志 / see the log in "
                    + settings.logDir().toAbsolutePath() + "）");
            System.exit(1);
        }
    }
}
