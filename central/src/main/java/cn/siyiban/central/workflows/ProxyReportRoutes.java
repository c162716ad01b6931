package cn.siyiban.central.workflows;

import cn.siyiban.central.auth.CentralAccess;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.web.ApiException;
import cn.siyiban.core.web.SessionGuard;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;

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
        String text = ctx.queryParam("month");
        YearMonth month;
        if (text == null || text.isBlank()) {
            month = YearMonth.from(clock.now());
        } else {
            try {
                month = YearMonth.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new ApiException(400, "invalid_parameter", "月份“" + text + "”格式不正确，应为 2026-12 这样的格式",
                        Map.of("field", "month"));
            }
        }
        ctx.json(report.of(month));
    }
}
