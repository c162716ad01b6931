package cn.siyiban.central.review;

import cn.siyiban.central.seals.SealUse;
import cn.siyiban.central.seals.SealUseInput;
import cn.siyiban.central.seals.SealUseLog;
import cn.siyiban.core.cases.Decision;
import cn.siyiban.central.auth.CentralAccess;
import cn.siyiban.core.cases.CaseEvent;
import cn.siyiban.core.cases.CaseEventType;
import cn.siyiban.core.cases.CaseQuery;
import cn.siyiban.core.cases.CaseRecord;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.cases.CaseSummary;
import cn.siyiban.core.cases.DecisionService;
import cn.siyiban.core.cases.DueState;
import cn.siyiban.core.cases.HashChainVerifier;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.network.PointStore;
import cn.siyiban.core.network.ServicePoint;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.staff.StaffStore;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.web.ApiException;
import cn.siyiban.core.web.CaseView;
import cn.siyiban.core.web.Json;
import cn.siyiban.core.web.SessionGuard;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /api/cases}, {@code GET /api/cases/{caseNo}} and
 * {@code POST /api/cases/{caseNo}/decisions}: the cases of the departments a reviewer decides for,
 * or every case for a county admin.
 */
public final class ReviewRoutes {

    /** Maximum rows of the case list, newest first; older cases are found by number or name. */
    static final int LIST_LIMIT = 200;
    /**
     * Rows read per department before the status filter. The status is filtered after the query
     * because {@link CaseQuery} has no status filter.
     */
    private static final int SCAN_LIMIT = 2_000;

    private final CaseStore cases;
    private final DecisionService decisions;
    private final StaffStore staffStore;
    private final PointStore points;
    private final CaseArrivals arrivals;
    private final CountyClock clock;
    private final ObjectMapper mapper;
    private final SealUseLog seals;

    public ReviewRoutes(CaseStore cases, DecisionService decisions, StaffStore staffStore, PointStore points,
                        CaseArrivals arrivals, CountyClock clock, ObjectMapper mapper, SealUseLog seals) {
        this.seals = seals;
        this.cases = cases;
        this.decisions = decisions;
        this.arrivals = arrivals;
        this.clock = clock;
        this.staffStore = staffStore;
        this.points = points;
        this.mapper = mapper;
    }

    /**
     * One row of {@code GET /api/cases}.
     *
     * @param dueState where the case stands against its promised time, a {@link DueState} code
     * @param arrivedAt when the case reached central by central's clock, null for cases that
     *                  arrived before central recorded arrivals
     * @param clockOff whether the node's clock was more than 5 minutes ahead of or behind central's
     *                 when it recorded {@code createdAt}, so its due date is off by as much
     */
    public record ListItem(String caseNo, String originPoint, String originPointName, String matterCode,
                           String matterName, String applicantName, boolean proxy, LocalDateTime createdAt,
                           LocalDateTime dueAt, String status, String statusLabel, String dueState,
                           String dueStateLabel, LocalDateTime arrivedAt, boolean clockOff) {
    }

    /**
     * The body of {@code POST /api/cases/{caseNo}/decisions}.
     *
     * @param seal the electronic seal applied to the result document, only with {@code result_ready};
     *             its case number is this case's
     */
    public record DecisionRequest(String decision, String comment, List<String> materials, SealUseInput seal) {
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/cases", this::list);
        routes.get("/api/cases/{caseNo}", this::detail);
        routes.post("/api/cases/{caseNo}/decisions", this::decide);
    }

    private void list(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        List<String> departments = CentralAccess.reviewDepartments(staff);
        CaseEventType status = status(ctx);
        String text = blankToNull(ctx.queryParam("q"));
        List<CaseSummary> found = new ArrayList<>();
        if (departments == null) {
            found.addAll(cases.list(new CaseQuery(null, null, null, text, null, null, SCAN_LIMIT)));
        } else {
            for (String department : departments) {
                found.addAll(cases.list(new CaseQuery(null, department, null, text, null, null, SCAN_LIMIT)));
            }
        }
        // NOTE: a status filter applies to the newest SCAN_LIMIT cases of each department only.
        Map<String, String> names = pointNames();
        List<CaseSummary> shown = found.stream()
                .filter(summary -> status == null || summary.status() == status)
                .sorted(Comparator.comparing(CaseSummary::createdAt).reversed())
                .limit(LIST_LIMIT)
                .toList();
        Map<String, CaseArrivals.Arrival> arrived = arrivals.arrivals(
                shown.stream().map(CaseSummary::caseNo).toList());
        LocalDateTime now = clock.now();
        ctx.json(shown.stream().map(summary -> listItem(summary, names, arrived.get(summary.caseNo()), now)).toList());
    }

    private static ListItem listItem(CaseSummary summary, Map<String, String> names, CaseArrivals.Arrival arrival,
                                     LocalDateTime now) {
        DueState due = DueState.of(summary.createdAt(), summary.dueAt(), summary.status(), now);
        return new ListItem(summary.caseNo(), summary.originPoint(),
                names.getOrDefault(summary.originPoint(), summary.originPoint()), summary.matterCode(),
                summary.matterName(), summary.applicantName(), summary.proxy(), summary.createdAt(),
                summary.dueAt(), summary.status().code(), summary.status().statusLabel(), due.code(), due.label(),
                arrival == null ? null : arrival.arrivedAt(), CaseArrivals.clockOff(summary.createdAt(), arrival));
    }

    /**
     * Returns the case as the node shows it, plus {@code hashChainProblems}: one Chinese sentence
     * per broken link of the event history, empty when the history is intact; {@code arrivedAt}
     * and {@code clockOff} as in the list; and {@code nodeClockOffsetSeconds}, the origin node's
     * clock minus central's measured after the arrival, or null.
     */
    private void detail(Context ctx) {
        CaseRecord record = visibleCase(ctx);
        Map<String, String> names = pointNames();
        CaseView view = CaseView.of(record, pointName(names), this::staffName);
        ObjectNode body = mapper.valueToTree(view);
        body.set("hashChainProblems", mapper.valueToTree(HashChainVerifier.verify(record.events())));
        CaseArrivals.Arrival arrival = arrivals.arrivals(List.of(record.caseNo())).get(record.caseNo());
        body.set("arrivedAt", mapper.valueToTree(arrival == null ? null : arrival.arrivedAt()));
        body.set("nodeClockOffsetSeconds", mapper.valueToTree(arrival == null ? null : arrival.nodeClockOffsetSeconds()));
        body.put("clockOff", CaseArrivals.clockOff(record.createdAt(), arrival));
        ctx.json(body);
    }

    private void decide(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        CaseRecord record = visibleCase(ctx);
        DecisionRequest request = Json.read(ctx, mapper, DecisionRequest.class);
        SealUseInput seal = sealOf(request, record.caseNo());
        // The seal use is stored in the decision's transaction, so a result is never ready
        // without the record of the seal on its document.
        SealUse use = seal == null ? null : seals.prepare(seal, SealUseLog.SOURCE_RESULT_READY, staff.username());
        CaseEvent event = decisions.decide(record.caseNo(), request.decision(), request.comment(),
                request.materials(), staff, connection -> use == null ? 0 : SealUseLog.insert(connection, use));
        if (use != null) {
            seals.logStored(use);
        }
        ctx.status(201).json(CaseView.event(event, pointName(pointNames()), this::staffName));
    }

    /** Returns the seal use of a result-ready decision, checked before the decision is stored. */
    private static SealUseInput sealOf(DecisionRequest request, String caseNo) {
        if (request.seal() == null) {
            return null;
        }
        if (!Decision.RESULT_READY.code().equals(request.decision())) {
            throw DomainException.invalid("seal_not_allowed", "只有“结果已出”时可以登记电子印章使用", "seal");
        }
        SealUseInput requested = request.seal();
        SealUseInput seal = new SealUseInput(caseNo, requested.document(), requested.seal(), requested.usedBy(),
                requested.usedAt(), requested.approvalRef());
        seal.check();
        return seal;
    }

    private CaseRecord visibleCase(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        String caseNo = ctx.pathParam("caseNo");
        CaseRecord record = cases.require(caseNo);
        CentralAccess.requireCaseVisible(staff, record.department());
        return record;
    }

    private static CaseEventType status(Context ctx) {
        String code = blankToNull(ctx.queryParam("status"));
        if (code == null) {
            return null;
        }
        return CaseEventType.fromCode(code).orElseThrow(() -> new ApiException(400, "invalid_parameter",
                "办件状态“" + code + "”无效", Map.of("field", "status")));
    }

    /** Reads every point name once per request, because a list names up to 200 points. */
    private Map<String, String> pointNames() {
        return points.all().stream().collect(Collectors.toMap(ServicePoint::code, ServicePoint::name,
                (first, second) -> first, HashMap::new));
    }

    private static Function<String, String> pointName(Map<String, String> names) {
        return code -> code == null ? null : names.getOrDefault(code, code);
    }

    private String staffName(String username) {
        return staffStore.findByUsername(username).map(Staff::displayName).orElse(username);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
