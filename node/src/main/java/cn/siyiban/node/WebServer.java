package cn.siyiban.node;

import cn.siyiban.core.web.Component;
import cn.siyiban.core.web.JsonErrorHandler;
import cn.siyiban.core.web.Sessions;
import cn.siyiban.node.settings.NodeSettings;
import cn.siyiban.core.web.ErrorMapper;
import cn.siyiban.core.web.PageRoutes;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.function.Consumer;

/** The node's Javalin server: JSON mapping, sessions, static assets, the error mapper and the routes. */
final class WebServer implements Component {

    /**
     * Maximum request body. An intake request is a few kilobytes; anything near this limit is a
     * mistake or abuse and is rejected with 413 before it is parsed.
     */
    static final long MAX_REQUEST_BYTES = 256 * 1024;

    private final Javalin javalin;
    private final NodeSettings settings;

    WebServer(NodeSettings settings, ObjectMapper mapper, Consumer<RoutesConfig> routes) {
        this.settings = settings;
        this.javalin = Javalin.create(config -> configure(config, mapper, routes));
    }

    private void configure(JavalinConfig config, ObjectMapper mapper, Consumer<RoutesConfig> routes) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jsonMapper(new JavalinJackson(mapper, false));
        config.http.maxRequestSize = MAX_REQUEST_BYTES;
        config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        config.jetty.modifyServletContextHandler(handler -> handler.setSessionHandler(Sessions.handler(settings.sessionTimeoutMinutes())));
        config.staticFiles.add(files -> {
            files.hostedPath = "/assets";
            files.directory = "/cn/siyiban/node/web/assets";
            files.location = Location.CLASSPATH;
        });
        // Scripts of pages that node and central share, such as the reminders page and the service map, kept once in core.
        config.staticFiles.add(files -> {
            files.hostedPath = "/shared";
            files.directory = "/cn/siyiban/core/web/shared";
            files.location = Location.CLASSPATH;
        });
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
