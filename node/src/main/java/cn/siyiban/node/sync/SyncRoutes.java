package cn.siyiban.node.sync;

import io.javalin.config.RoutesConfig;

/** {@code GET /api/sync}, the state every page header shows, and {@code POST /api/sync/now}. */
public final class SyncRoutes {

    private final NodeSync sync;

    /** @param sync the engine, or null for a standalone node that never syncs */
    public SyncRoutes(NodeSync sync) {
        this.sync = sync;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/sync", ctx -> ctx.json(sync == null ? SyncStatus.standalone() : sync.status()));
        routes.post("/api/sync/now", ctx -> ctx.json(sync == null
                ? new SyncNowResult(false, SyncStatus.standalone().problem(), null, null, 0, 0)
                : sync.syncNow()));
    }
}
