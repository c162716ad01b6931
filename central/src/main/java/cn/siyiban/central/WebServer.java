package cn.siyiban.central;

import cn.siyiban.central.settings.CentralSettings;
import cn.siyiban.core.web.Component;
import cn.siyiban.core.web.ErrorMapper;
import cn.siyiban.core.web.PageRoutes;
import cn.siyiban.core.web.JsonErrorHandler;
import cn.siyiban.core.web.Sessions;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

/**
 * Central's Javalin server: JSON mapping, sessions, static assets, the error mapper and the routes,
 * plus the servlets other components mount into the same Jetty context (SymmetricDS at {@code /sync/*}).
 */
final class WebServer implements Component {

    /**
     * Maximum request body of the JSON API. A decision or a token request is a few kilobytes.
     * SymmetricDS's servlet reads its own requests and is not held to this limit.
     */
    static final long MAX_REQUEST_BYTES = 256 * 1024;

    private final Javalin javalin;
    private final CentralSettings settings;

    /**
     * @param mounts adds servlets and filters to the Jetty context, such as
     *               {@link cn.siyiban.central.sync.CentralSync#mount}
     */
    WebServer(CentralSettings settings, ObjectMapper mapper, Consumer<RoutesConfig> routes,
              Consumer<ServletContextHandler> mounts) {
        this.settings = settings;
        this.javalin = Javalin.create(config -> configure(config, mapper, routes, mounts));
    }

    private void configure(JavalinConfig config, ObjectMapper mapper, Consumer<RoutesConfig> routes,
                           Consumer<ServletContextHandler> mounts) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jsonMapper(new JavalinJackson(mapper, false));
        config.http.maxRequestSize = MAX_REQUEST_BYTES;
        config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        config.jetty.modifyServletContextHandler(handler -> {
            handler.setSessionHandler(Sessions.handler(settings.sessionTimeoutMinutes()));
            mounts.accept(handler);
        });
        config.staticFiles.add(files -> {
            files.hostedPath = "/assets";
            files.directory = "/cn/siyiban/central/web/assets";
            files.location = Location.CLASSPATH;
        });
        // Scripts of pages that node and central share, such as the reminders page and the service map, kept once in core.
        config.staticFiles.add(files -> {
            files.hostedPath = "/shared";
            files.directory = "/cn/siyiban/core/web/shared";
            files.location = Location.CLASSPATH;
        });
        // Chart library of the node page, from its WebJar at /webjars/uplot/<version>/.
        config.staticFiles.enableWebjars();
        config.routes.before(PageRoutes::securityHeaders);
        ErrorMapper.register(config.routes);
        routes.accept(config.routes);
    }

    @Override
    public String name() {
        return "web server";
    }

    @Override
    public void start() {
        javalin.start(settings.host(), settings.port());
    }

    @Override
    public void stop() {
        javalin.stop();
    }

    int port() {
        return javalin.port();
    }
}
