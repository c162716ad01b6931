package cn.siyiban.central.network;

import cn.siyiban.core.network.PointLevel;
import cn.siyiban.core.network.PointStore;
import cn.siyiban.core.network.ServicePoint;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code GET /api/points}: every village and township point, the points that run a node. */
public final class PointRoutes {

    private final PointStore points;

    public PointRoutes(PointStore points) {
        this.points = points;
    }

    /**
     * One point.
     *
     * @param group SymmetricDS node group of the point's node
     * @param parentName name of the township of a village, or of the county centre of a township
     */
    public record PointItem(String code, String name, String level, String levelLabel, String group,
                            String parentCode, String parentName) {
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/points", this::list);
    }

    private void list(Context ctx) {
        List<ServicePoint> all = points.all();
        Map<String, ServicePoint> byCode = all.stream().collect(Collectors.toMap(ServicePoint::code, Function.identity()));
        List<PointItem> items = all.stream()
                .filter(point -> point.level() == PointLevel.VILLAGE || point.level() == PointLevel.TOWNSHIP)
                .map(point -> new PointItem(point.code(), point.name(), point.level().code(), point.level().label(),
                        point.level().nodeGroup(), point.parentCode(),
                        point.parentCode() == null || !byCode.containsKey(point.parentCode())
                                ? null : byCode.get(point.parentCode()).name()))
                .toList();
        ctx.json(items);
    }
}
