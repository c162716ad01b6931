package cn.siyiban.central.workflows;

import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.web.ApiException;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The {@code month} query parameter of the monthly reports. */
final class ReportMonth {

    private ReportMonth() {
    }

    /** Returns {@code ?month=2026-12}, or the current county month when it is absent; rejects any other text. */
    static YearMonth of(Context ctx, CountyClock clock) {
        String text = ctx.queryParam("month");
        if (text == null || text.isBlank()) {
            return YearMonth.from(clock.now());
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "invalid_parameter", "月份“" + text + "”格式不正确，应为 2026-12 这样的格式",
                    Map.of("field", "month"));
        }
    }
}
