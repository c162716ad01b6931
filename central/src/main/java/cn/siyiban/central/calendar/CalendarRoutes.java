package cn.siyiban.central.calendar;

import cn.siyiban.central.audit.AuditLog;
import cn.siyiban.central.auth.CentralAccess;
import cn.siyiban.core.calendar.CalendarDay;
import cn.siyiban.core.calendar.CalendarStore;
import cn.siyiban.core.calendar.DayKind;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.web.ApiException;
import cn.siyiban.core.web.Json;
import cn.siyiban.core.web.SessionGuard;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The county calendar at central. {@code GET /api/calendar?year=2026} lists the exceptional days
 * of a year; a county admin adds a local holiday or working day with
 * {@code POST /api/calendar/days} and removes one the county added with
 * {@code DELETE /api/calendar/days/{date}}. SymmetricDS replicates {@code sy_calendar_day} to every
 * node, so nodes count working days with the same calendar once they have synced.
 */
public final class CalendarRoutes {

    /** Prefix of the source column of the days the county added, followed by the admin's user name. */
    static final String COUNTY_SOURCE = "county:";
    /** Maximum characters of a day's name, as {@code sy_calendar_day.name} allows. */
    private static final int MAX_NAME = 100;

    private final CalendarStore calendar;
    private final AuditLog audit;
    private final CountyClock clock;
    private final ObjectMapper mapper;

    public CalendarRoutes(CalendarStore calendar, AuditLog audit, CountyClock clock, ObjectMapper mapper) {
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
        this.mapper = mapper;
    }

    /**
     * One exceptional day.
     *
     * @param countyAdded whether the county added it, which is the only kind an admin may remove
     */
    public record DayItem(LocalDate date, String kind, String kindLabel, String name, String source,
                          boolean countyAdded) {
    }

    /** The body of {@code POST /api/calendar/days}. */
    public record NewDay(String date, String kind, String name) {
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/calendar", this::list);
        routes.post("/api/calendar/days", this::add);
        routes.delete("/api/calendar/days/{date}", this::remove);
    }

    private void list(Context ctx) {
        SessionGuard.staff(ctx);
        int year = year(ctx.queryParam("year"));
        List<DayItem> days = calendar.all().stream()
                .filter(day -> day.date().getYear() == year)
                .map(CalendarRoutes::item)
                .toList();
        ctx.json(Map.of("year", year, "days", days));
    }

    private void add(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        CentralAccess.requireAdmin(staff);
        NewDay request = Json.read(ctx, mapper, NewDay.class);
        LocalDate date = date(request.date(), "date");
        DayKind kind = kind(request.kind());
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw DomainException.invalid("invalid_name", "请填写日期名称，最多" + MAX_NAME + "字", "name");
        }
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (kind == DayKind.HOLIDAY && weekend || kind == DayKind.WORKDAY && !weekend) {
            throw DomainException.invalid("day_kind_without_effect", date + "本来就是"
                    + (weekend ? "休息日，不需要设为假日" : "工作日，不需要设为调休上班日"), "kind");
        }
        calendar.find(date).ifPresent(existing -> {
            throw new DomainException(DomainException.Kind.CONFLICT, "calendar_day_exists",
                    date + "已在日历中（" + existing.name() + "），如需更改请先删除县里添加的该日",
                    Map.of("field", "date", "name", existing.name()));
        });
        CalendarDay day = new CalendarDay(date, kind, name, COUNTY_SOURCE + staff.username());
        calendar.insertAll(List.of(day));
        audit.record(staff.username(), "calendar_day_added", null, date.toString(), kind.code() + " " + name);
        ctx.status(201).json(item(day));
    }

    private void remove(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        CentralAccess.requireAdmin(staff);
        LocalDate date = date(ctx.pathParam("date"), "date");
        CalendarDay day = calendar.find(date).orElseThrow(() ->
                DomainException.notFound("calendar_day_not_found", "日历中没有" + date + "这一天的安排"));
        if (!countyAdded(day)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "national_day_locked",
                    date + "（" + day.name() + "）来自国务院办公厅的放假通知，不能删除");
        }
        calendar.delete(date);
        audit.record(staff.username(), "calendar_day_removed", null, date.toString(), day.name());
        ctx.status(204);
    }

    private static DayItem item(CalendarDay day) {
        String label = day.kind() == DayKind.HOLIDAY ? "放假" : "调休上班";
        return new DayItem(day.date(), day.kind().code(), label, day.name(), day.source(), countyAdded(day));
    }

    private static boolean countyAdded(CalendarDay day) {
        return day.source() != null && day.source().startsWith(COUNTY_SOURCE);
    }

    private static DayKind kind(String code) {
        if (DayKind.HOLIDAY.code().equals(code)) {
            return DayKind.HOLIDAY;
        }
        if (DayKind.WORKDAY.code().equals(code)) {
            return DayKind.WORKDAY;
        }
        throw DomainException.invalid("invalid_kind", "日期类型“" + code + "”无效：应为holiday（放假）或workday（调休上班）",
                "kind");
    }

    private static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("invalid_date", "日期“" + text + "”格式不正确，应为 2026-01-31 这样的格式", field);
        }
    }

    private int year(String text) {
        if (text == null || text.isBlank()) {
            return clock.now().getYear();
        }
        try {
            int year = Integer.parseInt(text.strip());
            if (year >= 2000 && year <= 2100) {
                return year;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new ApiException(400, "invalid_parameter", "年份“" + text + "”无效，应为 2000 到 2100 之间的年份",
                Map.of("field", "year"));
    }
}
