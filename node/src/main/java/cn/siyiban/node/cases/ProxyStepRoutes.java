package cn.siyiban.node.cases;

import cn.siyiban.core.cases.CaseEvent;
import cn.siyiban.core.cases.CaseRecord;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.cases.ProxySteps;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.staff.StaffStore;
import cn.siyiban.core.web.CaseView;
import cn.siyiban.core.web.Json;
import cn.siyiban.core.web.PointNames;
import cn.siyiban.core.web.SessionGuard;
import cn.siyiban.node.auth.Access;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * The steps of a proxy case (帮办代办): {@code GET /api/cases/{caseNo}/proxy-steps} lists the six
 * steps with who recorded each and when, and {@code POST} records the next one.
 */
public final class ProxyStepRoutes {

    private final ProxySteps steps;
    private final VisibleCases visibleCases;
    private final StaffStore staffStore;
    private final PointNames pointNames;
    private final ObjectMapper mapper;

    public ProxyStepRoutes(ProxySteps steps, CaseStore cases, StaffStore staffStore, PointNames pointNames,
                           ObjectMapper mapper) {
        this.steps = steps;
        this.visibleCases = new VisibleCases(cases);
        this.staffStore = staffStore;
        this.pointNames = pointNames;
        this.mapper = mapper;
    }

    /**
     * The body of the {@code POST}.
     *
     * @param step entrusted, proxy_handled, archived or followed_up
     * @param note the clerk's note, such as how the follow-up call went; may be null
     */
    public record StepRequest(String step, String note) {
    }

    /**
     * One step as listed.
     *
     * @param event the event that recorded the step, null while the step is still to do
     * @param recordedHere whether the clerk records this step on the proxy-step form; intake and
     *                     delivery have their own pages
     */
    public record StepView(String step, String label, boolean done, boolean recordedHere, CaseView.EventView event) {
    }

    public record Steps(String caseNo, boolean proxy, List<StepView> steps) {
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/cases/{caseNo}/proxy-steps", this::list);
        routes.post("/api/cases/{caseNo}/proxy-steps", this::record);
    }

    private void list(Context ctx) {
        CaseRecord record = visibleCase(ctx);
        List<StepView> views = ProxySteps.progress(record).stream()
                .map(progress -> new StepView(progress.step().code(), progress.step().label(), progress.event() != null,
                        ProxySteps.RECORDED_HERE.contains(progress.step()),
                        progress.event() == null ? null : eventView(progress.event())))
                .toList();
        ctx.json(new Steps(record.caseNo(), record.proxy(), views));
    }

    private void record(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        Access.requireIntake(staff);
        CaseRecord record = visibleCase(ctx);
        StepRequest request = Json.read(ctx, mapper, StepRequest.class);
        CaseEvent event = steps.record(record.caseNo(), request.step(), request.note(), staff);
        ctx.status(201).json(eventView(event));
    }

    private CaseRecord visibleCase(Context ctx) {
        return visibleCases.require(SessionGuard.staff(ctx), ctx.pathParam("caseNo"));
    }

    private CaseView.EventView eventView(CaseEvent event) {
        return CaseView.event(event, pointNames::name,
                username -> staffStore.findByUsername(username).map(Staff::displayName).orElse(username));
    }
}
