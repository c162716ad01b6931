package cn.siyiban.central.monitor;

import cn.siyiban.central.auth.CentralAccess;
import cn.siyiban.core.web.SessionGuard;
import io.javalin.config.RoutesConfig;

/** {@code GET /api/sync/nodes}, for county admins. */
public final class SyncNodeRoutes {

    private final SyncNodeReader reader;

    public SyncNodeRoutes(SyncNodeReader reader) {
        this.reader = reader;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/sync/nodes", ctx -> {
            CentralAccess.requireAdmin(SessionGuard.staff(ctx));
            ctx.json(reader.read());
        });
    }
}
