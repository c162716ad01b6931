package cn.siyiban.central.workflows;

import cn.siyiban.central.auth.CentralAccess;
import cn.siyiban.core.cases.CaseRecord;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.cases.CommitmentBlocks;
import cn.siyiban.core.cases.CommitmentChecks;
import cn.siyiban.core.staff.Role;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.staff.StaffStore;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.web.Json;
import cn.siyiban.core.web.SessionGuard;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verification of commitments (告知承诺) at central. {@code GET /api/cases/{caseNo}/commitment-checks}
 * returns the case's committed materials with their results and the applicant's open blocks, as a
 * {@link CommitmentOverview}. {@code POST /api/cases/{caseNo}/commitment-checks}
 * records whether a committed material was true; a false one blocks commitments and 容缺 for the
 * applicant at every node once synced. {@code POST /api/cases/{caseNo}/commitment-block-clearance}
 * lifts the blocks of that case's applicant, for county admins only.
 */
public final class CommitmentCheckRoutes {

    private static final Logger log = LoggerFactory.getLogger(CommitmentCheckRoutes.class);

    private final CommitmentChecks checks;
    private final CommitmentBlocks blocks;
    private final CaseStore cases;
    private final StaffStore staffStore;
    private final CountyClock clock;
    private final ObjectMapper mapper;

    public CommitmentCheckRoutes(CommitmentChecks checks, CommitmentBlocks blocks, CaseStore cases,
                                 StaffStore staffStore, CountyClock clock, ObjectMapper mapper) {
        this.checks = checks;
        this.blocks = blocks;
        this.cases = cases;
        this.staffStore = staffStore;
        this.clock = clock;
        this.mapper = mapper;
    }

    /**
     * The body of a verification.
     *
     * @param truthful whether the commitment proved true
     * @param note the finding; required when {@code truthful} is false
     */
    public record CheckRequest(String materialId, Boolean truthful, String note) {
    }

    /** The response of a clearance: how many open blocks of the applicant were lifted. */
    public record Cleared(String caseNo, int cleared) {
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/cases/{caseNo}/commitment-checks", this::overview);
        routes.post("/api/cases/{caseNo}/commitment-checks", this::check);
        routes.post("/api/cases/{caseNo}/commitment-block-clearance", this::clear);
    }

    private void overview(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        CaseRecord record = find(ctx);
        CentralAccess.requireCaseVisible(staff, record.department());
        ctx.json(CommitmentOverview.of(record, checks, blocks, cases, this::staffName,
                staff.role() == Role.COUNTY_ADMIN));
    }

    private void check(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        CaseRecord record = find(ctx);
        CentralAccess.requireCaseVisible(staff, record.department());
        CheckRequest request = Json.read(ctx, mapper, CheckRequest.class);
        ctx.status(201).json(checks.record(record.caseNo(), request.materialId(), request.truthful(), request.note(),
                staff));
    }

    private void clear(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        CentralAccess.requireAdmin(staff);
        CaseRecord record = find(ctx);
        int cleared = blocks.clear(record.applicant(), staff.username(), clock.now());
        log.info("Cleared {} commitment blocks of the applicant of case {} by {}", cleared, record.caseNo(),
                staff.username());
        ctx.json(new Cleared(record.caseNo(), cleared));
    }

    private String staffName(String username) {
        return staffStore.findByUsername(username).map(Staff::displayName).orElse(username);
    }

    private CaseRecord find(Context ctx) {
        return cases.require(ctx.pathParam("caseNo"));
    }
}
