package cn.siyiban.node.cases;

import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.cases.SupplementService;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.web.Json;
import cn.siyiban.core.web.SessionGuard;
import cn.siyiban.node.auth.Access;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code POST /api/supplements}: a citizen hands in materials missing at intake (容缺受理). Any
 * point of the county takes them (全县通办): the clerk enters the case number printed on the
 * citizen's notice, so a point that does not hold the case can still record the supply.
 */
public final class SupplementRoutes {

    private final SupplementService supplements;
    private final CaseStore cases;
    private final ObjectMapper mapper;

    public SupplementRoutes(SupplementService supplements, CaseStore cases, ObjectMapper mapper) {
        this.supplements = supplements;
        this.cases = cases;
        this.mapper = mapper;
    }

    /** The body of {@code POST /api/supplements}. */
    public record SupplementRequest(String caseNo, List<String> materialIds) {
    }

    /**
     * The response.
     *
     * @param forwarded true when the case belongs to another point and the supply reaches it by sync
     * @param message a sentence for the clerk saying where the supply went
     */
    public record Recorded(String caseNo, List<String> materialIds, boolean forwarded, String message) {
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/supplements", this::record);
    }

    private void record(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        Access.requireIntake(staff);
        SupplementRequest request = Json.read(ctx, mapper, SupplementRequest.class);
        String caseNo = request.caseNo() == null ? "" : request.caseNo().strip();
        cases.findByCaseNo(caseNo).ifPresent(record -> Access.requireCaseVisible(staff, record.originPoint()));
        SupplementService.Outcome outcome = supplements.record(caseNo, request.materialIds(), staff);
        String message = outcome.forwarded()
                ? "已登记补齐材料，网络同步后将转交受理网点，请将材料随件转交"
                : "已登记补齐材料";
        ctx.status(201).json(new Recorded(outcome.caseNo(), outcome.materialIds(), outcome.forwarded(), message));
    }
}
