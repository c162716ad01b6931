package cn.siyiban.central.seals;

import cn.siyiban.central.auth.CentralAccess;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.staff.Role;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.web.Json;
import cn.siyiban.core.web.SessionGuard;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code POST /api/seal-uses}, through which another system (an e-seal platform, a department's
 * own system) reports a seal use under a reviewer or admin account, and {@code GET /api/seal-uses},
 * the log for county admins.
 */
public final class SealUseRoutes {

    /** Most uses one response lists. */
    static final int LIST_LIMIT = 500;

    private final SealUseLog seals;
    private final ObjectMapper mapper;

    public SealUseRoutes(SealUseLog seals, ObjectMapper mapper) {
        this.seals = seals;
        this.mapper = mapper;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/seal-uses", this::report);
        routes.get("/api/seal-uses", ctx -> {
            CentralAccess.requireAdmin(SessionGuard.staff(ctx));
            ctx.json(seals.latest(LIST_LIMIT));
        });
    }

    private void report(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        if (staff.role() != Role.REVIEWER && staff.role() != Role.COUNTY_ADMIN) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "forbidden",
                    "只有部门审核人员或县级管理员可以登记用印，当前账号为" + staff.role().label());
        }
        SealUseInput input = Json.read(ctx, mapper, SealUseInput.class);
        ctx.status(201).json(seals.record(input, SealUseLog.SOURCE_API, staff.username()));
    }
}
