package cn.siyiban.node.cases;

import cn.siyiban.core.cases.CaseEvent;
import cn.siyiban.core.cases.CaseEventType;
import cn.siyiban.core.cases.CaseHistory;
import cn.siyiban.core.cases.CaseQuery;
import cn.siyiban.core.cases.CaseRecord;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.cases.CaseSummary;
import cn.siyiban.core.cases.DueState;
import cn.siyiban.core.cases.IntakeRequest;
import cn.siyiban.core.cases.IntakeResult;
import cn.siyiban.core.cases.IntakeService;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.staff.StaffStore;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.node.auth.Access;
import cn.siyiban.core.web.SessionGuard;
import cn.siyiban.core.web.ApiException;
import cn.siyiban.core.web.CaseView;
import cn.siyiban.core.web.Json;
import cn.siyiban.core.web.PointNames;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Intake, the case list, the case detail and delivery of results. */
public final class CaseRoutes {

    /** Maximum rows of the case list, newest first; older cases are found by number or name. */
    static final int LIST_LIMIT = 200;
    /** Statuses from which a result can be handed to the applicant. */
    private static final Set<CaseEventType> DELIVERABLE =
            Set.of(CaseEventType.RESULT_READY, CaseEventType.APPROVED, CaseEventType.REJECTED);

    private final IntakeService intake;
    private final CaseStore cases;
    private final VisibleCases visibleCases;
    private final CaseHistory history;
    private final StaffStore staffStore;
    private final PointNames pointNames;
    private final CountyClock clock;
    private final ObjectMapper mapper;

    public CaseRoutes(IntakeService intake, CaseStore cases, CaseHistory history, StaffStore staffStore,
                      PointNames pointNames, CountyClock clock, ObjectMapper mapper) {
        this.intake = intake;
        this.cases = cases;
        this.visibleCases = new VisibleCases(cases);
        this.history = history;
        this.staffStore = staffStore;
        this.pointNames = pointNames;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** The body of a created or replayed intake. */
    public record Created(String id, String caseNo, String status, String statusLabel) {
    }

    /**
     * One row of {@code GET /api/cases}.
     *
     * @param dueState where the case stands against its promised time, a {@link DueState} code
     */
    public record ListItem(String caseNo, String originPoint, String matterCode, String matterName,
                           String applicantName, boolean proxy, LocalDateTime createdAt, LocalDateTime dueAt,
                           String status, String statusLabel, String dueState, String dueStateLabel) {
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/cases", this::takeIn);
        routes.get("/api/cases", this::list);
        routes.get("/api/cases/{caseNo}", ctx -> ctx.json(view(visibleCase(ctx))));
        routes.post("/api/cases/{caseNo}/delivery", this::deliver);
    }

    private void takeIn(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        Access.requireIntake(staff);
        IntakeRequest request = Json.read(ctx, mapper, IntakeRequest.class);
        IntakeResult result = intake.takeIn(request, staff);
        CaseRecord record = result.record();
        ctx.status(result.created() ? 201 : 200).json(new Created(record.id(), record.caseNo(),
                record.status().code(), record.status().statusLabel()));
    }

    private void list(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        Access.requireCaseAccess(staff);
        CaseQuery query = new CaseQuery(Access.casePointLimit(staff), null, blankToNull(ctx.queryParam("matter")),
                blankToNull(ctx.queryParam("q")), date(ctx, "from"), date(ctx, "to"), LIST_LIMIT);
        LocalDateTime now = clock.now();
        List<ListItem> rows = cases.list(query).stream().map(summary -> listItem(summary, now)).toList();
        ctx.json(rows);
    }

    private static ListItem listItem(CaseSummary summary, LocalDateTime now) {
        DueState due = DueState.of(summary.createdAt(), summary.dueAt(), summary.status(), now);
        return new ListItem(summary.caseNo(), summary.originPoint(), summary.matterCode(), summary.matterName(),
                summary.applicantName(), summary.proxy(), summary.createdAt(), summary.dueAt(),
                summary.status().code(), summary.status().statusLabel(), due.code(), due.label());
    }

    private void deliver(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        Access.requireIntake(staff);
        CaseRecord record = visibleCase(ctx);
        if (!DELIVERABLE.contains(record.status())) {
            throw new DomainException(DomainException.Kind.CONFLICT, "result_not_ready",
                    "办件当前状态为“" + record.status().statusLabel() + "”，还没有可送达的办理结果",
                    Map.of("status", record.status().code()));
        }
        CaseEvent event = history.append(record.caseNo(), CaseEventType.DELIVERED, staff.username(), null);
        ctx.status(201).json(CaseView.event(event, pointNames::name, this::staffName));
    }

    private CaseRecord visibleCase(Context ctx) {
        return visibleCases.require(SessionGuard.staff(ctx), ctx.pathParam("caseNo"));
    }

    private CaseView view(CaseRecord record) {
        return CaseView.of(record, pointNames::name, this::staffName);
    }

    private String staffName(String username) {
        return staffStore.findByUsername(username).map(Staff::displayName).orElse(username);
    }

    private static LocalDate date(Context ctx, String name) {
        String text = blankToNull(ctx.queryParam(name));
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "invalid_parameter", "日期“" + text + "”格式不正确，应为 2026-01-31 这样的格式",
                    Map.of("field", name));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
