package cn.siyiban.central.workflows;

import cn.siyiban.central.auth.CentralAccess;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.web.SessionGuard;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.YearMonth;

/**
 * {@code GET /api/reports/proxy?month=2026-12}: the monthly proxy-case report (帮办代办) for county
 * admins. Without {@code month} it reports the current county month.
 */
public final class ProxyReportRoutes {

    private final ProxyReport report;
    private final CountyClock clock;

    public ProxyReportRoutes(ProxyReport report, CountyClock clock) {
        this.report = report;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/reports/proxy", this::show);
    }

    private void show(Context ctx) {
        CentralAccess.requireAdmin(SessionGuard.staff(ctx));
        YearMonth month = ReportMonth.of(ctx, clock);
        ctx.json(report.of(month));
    }
}
