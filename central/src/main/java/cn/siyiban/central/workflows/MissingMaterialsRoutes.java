package cn.siyiban.central.workflows;

import cn.siyiban.central.auth.CentralAccess;
import cn.siyiban.core.cases.CaseEvent;
import cn.siyiban.core.cases.CaseEventType;
import cn.siyiban.core.cases.CaseHistory;
import cn.siyiban.core.cases.CaseMaterial;
import cn.siyiban.core.cases.CaseRecord;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.cases.DecisionService;
import cn.siyiban.core.cases.MissingMaterials;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.staff.Role;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.staff.StaffStore;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.web.CaseView;
import cn.siyiban.core.web.Json;
import cn.siyiban.core.web.PointNames;
import cn.siyiban.core.web.SessionGuard;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Cases taken in with materials missing (容缺受理) whose supplement deadline has passed, flagged
 * for the department: {@code GET /api/workflows/overdue-supplements} lists them and
 * {@code POST /api/cases/{caseNo}/termination} ends one with a TERMINATED event, which sync
 * routes to the case's origin point.
 */
public final class MissingMaterialsRoutes {

    private static final String CASES_SQL = WorkflowSql.load("cases-with-missing-materials.sql");

    private final CaseStore cases;
    private final CaseHistory history;
    private final StaffStore staffStore;
    private final PointNames pointNames;
    private final CountyClock clock;
    private final ObjectMapper mapper;

    public MissingMaterialsRoutes(CaseStore cases, CaseHistory history, StaffStore staffStore, PointNames pointNames,
                                  CountyClock clock, ObjectMapper mapper) {
        this.cases = cases;
        this.history = history;
        this.staffStore = staffStore;
        this.pointNames = pointNames;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** One row of the overdue list. */
    public record OverdueCase(String caseNo, String originPoint, String originPointName, String matterName,
                              String department, String applicantName, LocalDateTime createdAt,
                              LocalDate supplementDue, List<String> stillMissing, String status,
                              String statusLabel) {
    }

    /** The body of {@code POST /api/cases/{caseNo}/termination}. */
    public record TerminationRequest(String comment) {
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/workflows/overdue-supplements", this::list);
        routes.post("/api/cases/{caseNo}/termination", this::terminate);
    }

    private void list(Context ctx) {
        List<String> departments = CentralAccess.reviewDepartments(SessionGuard.staff(ctx));
        LocalDate today = clock.now().toLocalDate();
        List<OverdueCase> rows = new ArrayList<>();
        for (String department : departments == null ? Arrays.asList((String) null) : departments) {
            for (String caseNo : caseNumbers(department)) {
                CaseRecord record = cases.findByCaseNo(caseNo).orElse(null);
                if (record == null) {
                    continue;
                }
                MissingMaterials missing = MissingMaterials.of(record);
                if (missing.overdue(today, record.status())) {
                    rows.add(new OverdueCase(record.caseNo(), record.originPoint(),
                            pointNames.name(record.originPoint()), record.matterName(), record.department(),
                            record.applicant().name(), record.createdAt(), missing.supplementDue(),
                            missing.stillMissing().stream().map(CaseMaterial::name).toList(),
                            record.status().code(), record.status().statusLabel()));
                }
            }
        }
        ctx.json(rows);
    }

    private List<String> caseNumbers(String department) {
        return cases.database().query(connection -> {
            List<String> numbers = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(CASES_SQL)) {
                select.setString(1, department);
                select.setString(2, department);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        numbers.add(row.getString(1));
                    }
                }
            }
            return numbers;
        });
    }

    private void terminate(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        String caseNo = ctx.pathParam("caseNo");
        CaseRecord record = cases.require(caseNo);
        if (staff.role() != Role.COUNTY_ADMIN && (staff.role() != Role.REVIEWER
                || !staff.reviewsFor(record.department()))) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "forbidden",
                    "只有“" + record.department() + "”的审核人员可以终止此办件");
        }
        MissingMaterials missing = MissingMaterials.of(record);
        if (!missing.overdue(clock.now().toLocalDate(), record.status())) {
            throw new DomainException(DomainException.Kind.CONFLICT, "not_overdue",
                    "办件" + caseNo + "没有逾期未补齐的材料，不能因逾期终止办理",
                    Map.of("status", record.status().code()));
        }
        TerminationRequest request = Json.read(ctx, mapper, TerminationRequest.class);
        String comment = request.comment() == null ? "" : request.comment().strip();
        if (comment.length() > DecisionService.MAX_COMMENT) {
            throw DomainException.invalid("invalid_comment",
                    "终止理由过长：最多" + DecisionService.MAX_COMMENT + "字", "comment");
        }
        if (comment.isEmpty()) {
            comment = "逾期未补齐材料（期限" + missing.supplementDue() + "），终止办理";
        }
        CaseEvent event = history.append(caseNo, CaseEventType.TERMINATED, staff.username(), detail(comment));
        ctx.status(201).json(CaseView.event(event, pointNames::name,
                name -> staffStore.findByUsername(name).map(Staff::displayName).orElse(name)));
    }

    private String detail(String comment) {
        try {
            return mapper.writeValueAsString(Map.of("comment", comment));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write termination detail", e);
        }
    }
}
