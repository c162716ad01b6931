package cn.siyiban.central.workflows;

import cn.siyiban.central.auth.CentralAccess;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.web.SessionGuard;
import io.javalin.config.RoutesConfig;

/**
 * {@code GET /api/reports/bundles?month=2026-12}: the share of cases taken in through bundles
 * (一件事) for county admins. Without {@code month} it reports the current county month.
 */
public final class BundleShareReportRoutes {

    private final BundleShareReport report;
    private final CountyClock clock;

    public BundleShareReportRoutes(BundleShareReport report, CountyClock clock) {
        this.report = report;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/reports/bundles", ctx -> {
            CentralAccess.requireAdmin(SessionGuard.staff(ctx));
            ctx.json(report.of(ReportMonth.of(ctx, clock)));
        });
    }
}
