package cn.siyiban.central.statistics;

import cn.siyiban.central.auth.CentralAccess;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.web.ApiException;
import cn.siyiban.core.web.SessionGuard;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * County statistics for admins: {@code GET /api/statistics?from=2026-01&to=2026-12&by=township}
 * returns the figures as JSON, and {@code GET /api/statistics/export.csv} with the same parameters
 * returns the grouped counts as a CSV file. Without {@code from} and {@code to} the period is the
 * 12 months up to the current county month.
 */
public final class StatisticsRoutes {

    /** Months of the default period, the current one included. */
    private static final int DEFAULT_MONTHS = 12;

    private final CountyStatistics statistics;
    private final CountyClock clock;

    public StatisticsRoutes(CountyStatistics statistics, CountyClock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/statistics", ctx -> ctx.json(report(ctx)));
        routes.get("/api/statistics/export.csv", ctx -> {
            StatisticsReport report = report(ctx);
            String file = "county-statistics-" + report.by() + "-" + report.from() + "-" + report.to() + ".csv";
            ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                    .contentType("text/csv; charset=utf-8")
                    .result(StatisticsCsv.of(report).getBytes(StandardCharsets.UTF_8));
        });
    }

    private StatisticsReport report(Context ctx) {
        CentralAccess.requireAdmin(SessionGuard.staff(ctx));
        YearMonth now = YearMonth.from(clock.now());
        YearMonth to = month(ctx, "to", now);
        YearMonth from = month(ctx, "from", to.minusMonths(DEFAULT_MONTHS - 1));
        if (from.isAfter(to)) {
            throw new ApiException(400, "invalid_parameter", "起始月份" + from + "晚于结束月份" + to,
                    Map.of("field", "from"));
        }
        if (from.plusMonths(CountyStatistics.MAX_MONTHS).isBefore(to.plusMonths(1))) {
            throw new ApiException(400, "invalid_parameter",
                    "统计区间不能超过" + CountyStatistics.MAX_MONTHS + "个月，请缩短区间", Map.of("field", "from"));
        }
        return statistics.of(from, to, StatisticsGrouping.fromCode(ctx.queryParam("by")));
    }

    private static YearMonth month(Context ctx, String name, YearMonth fallback) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "invalid_parameter", "月份“" + text + "”格式不正确，应为 2026-12 这样的格式",
                    Map.of("field", name));
        }
    }
}
