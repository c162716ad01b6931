package cn.siyiban.central.network;

import cn.siyiban.central.audit.AuditLog;
import cn.siyiban.central.auth.CentralAccess;
import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.map.MapPoint;
import cn.siyiban.core.map.MapRoutes;
import cn.siyiban.core.map.PointDetails;
import cn.siyiban.core.map.ServiceMapStore;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.web.Json;
import cn.siyiban.core.web.SessionGuard;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The admin's side of the service map, at central only: {@code PUT /api/map/points/{code}/details}
 * sets a point's address, hours, phone and coordinates, and {@code PUT /api/map/points/{code}/matters}
 * restricts the matters it takes in (an empty list restores 全科受理). Both are audit-logged and reach
 * every node through SymmetricDS.
 */
public final class MapAdminRoutes {

    private final ServiceMapStore store;
    private final CatalogueStore catalogue;
    private final AuditLog audit;
    private final CountyClock clock;
    private final ObjectMapper mapper;

    public MapAdminRoutes(ServiceMapStore store, CatalogueStore catalogue, AuditLog audit, CountyClock clock,
                          ObjectMapper mapper) {
        this.store = store;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** Body of the details; every field may be null or blank. */
    public record DetailsInput(String address, String officeHours, String phone, BigDecimal latitude,
                               BigDecimal longitude) {
    }

    /** Body of a restriction; an empty or missing list lifts it. */
    public record ScopeInput(List<String> matterCodes) {
    }

    public void register(RoutesConfig routes) {
        routes.put("/api/map/points/{code}/details", this::details);
        routes.put("/api/map/points/{code}/matters", this::scope);
    }

    private void details(Context ctx) {
        Staff staff = admin(ctx);
        MapPoint point = point(ctx.pathParam("code"));
        DetailsInput input = Json.read(ctx, mapper, DetailsInput.class);
        PointDetails details = PointDetails.validated(input.address(), input.officeHours(), input.phone(),
                input.latitude(), input.longitude());
        store.database().inTransaction(connection -> {
            store.updateDetails(connection, point.code(), details);
            audit.record(connection, staff.username(), "point_details", point.code(), point.code(),
                    "更新服务点地址、办公时间、电话或坐标");
            return null;
        });
        ctx.json(MapRoutes.PointView.of(point(point.code())));
    }

    private void scope(Context ctx) {
        Staff staff = admin(ctx);
        MapPoint point = point(ctx.pathParam("code"));
        ScopeInput input = Json.read(ctx, mapper, ScopeInput.class);
        Set<String> codes = new TreeSet<>();
        for (String code : input.matterCodes() == null ? List.<String>of() : input.matterCodes()) {
            Matter matter = catalogue.find(code == null ? "" : code.strip()).filter(found -> !found.retired())
                    .orElseThrow(() -> DomainException.invalid("unknown_matter",
                            "事项编码“" + code + "”不在本县事项目录中", "matterCodes"));
            codes.add(matter.code());
        }
        store.database().inTransaction(connection -> {
            store.replaceScope(connection, point.code(), codes, staff.username(), clock.now());
            audit.record(connection, staff.username(), "point_matters", point.code(), point.code(),
                    codes.isEmpty() ? "恢复全科受理" : "限定受理事项" + codes.size() + "项");
            return null;
        });
        ctx.json(MapRoutes.PointView.of(point(point.code())));
    }

    private MapPoint point(String code) {
        return store.find(code).orElseThrow(() ->
                DomainException.notFound("point_not_found", "服务点编码“" + code + "”不在本县服务网络中"));
    }

    private static Staff admin(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        CentralAccess.requireAdmin(staff);
        return staff;
    }
}
