package cn.siyiban.central.health;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Supplier;
import org.jumpmind.symmetric.ISymmetricEngine;

/**
 * {@code GET /health}, public so that a monitor or a technician's browser can check central
 * without logging in.
 */
public final class HealthRoutes {

    private final String point;
    private final String version;
    private final Supplier<ISymmetricEngine> engine;

    /** @param engine the running SymmetricDS engine, or null before it has started */
    public HealthRoutes(String point, String version, Supplier<ISymmetricEngine> engine) {
        this.point = point;
        this.version = version;
        this.engine = engine;
    }

    /**
     * The body of {@code GET /health}.
     *
     * @param syncEngine {@code started}; {@code starting} while the web server is up but the
     *                   engine is not yet; {@code stopped} when the engine exists but is not running
     */
    public record Health(String status, String role, String point, String version, String syncEngine) {
    }

    public void register(RoutesConfig routes) {
        routes.get("/health", this::health);
    }

    private void health(Context ctx) {
        ctx.json(new Health("UP", "central", point, version, engineState()));
    }

    private String engineState() {
        ISymmetricEngine current = engine.get();
        if (current == null) {
            return "starting";
        }
        return current.isStarted() ? "started" : "stopped";
    }
}
