package cn.siyiban.node.health;

import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.web.PointNames;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}, public so that a monitor or a technician's browser can check the node
 * without logging in. It returns 503 with {@code "status":"DOWN"} when the database cannot be read.
 */
public final class HealthRoutes {

    private static final Logger log = LoggerFactory.getLogger(HealthRoutes.class);

    private final CaseStore cases;
    private final PointNames pointNames;
    private final String point;
    private final String version;

    public HealthRoutes(CaseStore cases, PointNames pointNames, String point, String version) {
        this.cases = cases;
        this.pointNames = pointNames;
        this.point = point;
        this.version = version;
    }

    /** The body of {@code GET /health}; {@code cases} is null when the database is down. */
    public record Health(String status, String role, String point, String pointName, String version,
                         Integer cases) {
    }

    public void register(RoutesConfig routes) {
        routes.get("/health", this::health);
    }

    private void health(Context ctx) {
        try {
            ctx.json(new Health("UP", "node", point, pointNames.name(point), version, cases.count()));
        } catch (RuntimeException e) {
            log.warn("Health check found the database unreadable: {}", e.toString());
            ctx.status(503).json(new Health("DOWN", "node", point, point, version, null));
        }
    }
}
