package cn.siyiban.core.map;

import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.governance.MatterStatusStore;
import cn.siyiban.core.web.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The read side of the service map, the same at every node and at central, for any signed-in
 * staff member. It reads only replicated tables, so it works while the WAN is down.
 * <ul>
 *   <li>{@code GET /api/map/points?matter=} every point, or those taking in one matter</li>
 *   <li>{@code GET /api/map/matters?q=} matters open for intake whose name or code contains q,
 *       with the number of points taking each in ("where can I do X")</li>
 *   <li>{@code GET /api/map/nearest?village=&matter=&limit=} the points nearest to a village</li>
 * </ul>
 */
public final class MapRoutes {

    /** Default and maximum number of points the nearest search returns. */
    private static final int DEFAULT_NEAREST = 5;
    private static final int MAX_NEAREST = 50;

    private final ServiceMapStore store;
    private final ServiceMap map;
    private final CatalogueStore catalogue;
    private final MatterStatusStore statuses;

    public MapRoutes(ServiceMapStore store, CatalogueStore catalogue, MatterStatusStore statuses) {
        this.store = store;
        this.map = new ServiceMap(store);
        this.catalogue = catalogue;
        this.statuses = statuses;
    }

    /** A point as the map API returns it. */
    public record PointView(String code, String name, String level, String levelLabel, String parentCode,
                            String address, String officeHours, String phone, BigDecimal latitude,
                            BigDecimal longitude, boolean restricted, List<String> matterCodes) {

        public static PointView of(MapPoint point) {
            return new PointView(point.code(), point.name(), point.level().code(), point.levelLabel(),
                    point.parentCode(), point.address(), point.officeHours(), point.phone(), point.latitude(),
                    point.longitude(), point.restricted(), point.matterCodes());
        }
    }

    /** A matter found by the map's search, with how many points take it in. */
    public record MatterHit(String code, String name, String department, int pointCount) {
    }

    /** A point of the nearest search; see {@link ServiceMap.Nearby}. */
    public record NearbyView(PointView point, Double distanceKm, int treeSteps) {
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/map/points", this::points);
        routes.get("/api/map/matters", this::matters);
        routes.get("/api/map/nearest", this::nearest);
    }

    private void points(Context ctx) {
        String matter = ctx.queryParam("matter");
        List<MapPoint> points = matter == null || matter.isBlank() ? store.points() : map.handling(knownMatter(matter));
        ctx.json(points.stream().map(PointView::of).toList());
    }

    private void matters(Context ctx) {
        Set<String> suspended = suspendedCodes();
        List<MapPoint> points = store.points();
        List<MatterHit> hits = catalogue.search(ctx.queryParam("q")).stream()
                .filter(matter -> !suspended.contains(matter.code()))
                .map(matter -> new MatterHit(matter.code(), matter.name(), matter.department(),
                        (int) points.stream().filter(point -> point.handles(matter.code())).count()))
                .toList();
        ctx.json(hits);
    }

    private void nearest(Context ctx) {
        String village = ctx.queryParam("village");
        if (village == null || village.isBlank()) {
            throw new ApiException(400, "missing_parameter", "请选择所在的村（社区）", Map.of("field", "village"));
        }
        String matter = ctx.queryParam("matter");
        String matterCode = matter == null || matter.isBlank() ? null : knownMatter(matter);
        int limit = limit(ctx.queryParam("limit"));
        ctx.json(map.nearest(village.strip(), matterCode, limit).stream()
                .map(n -> new NearbyView(PointView.of(n.point()), rounded(n.distanceKm()), n.treeSteps()))
                .toList());
    }

    private String knownMatter(String code) {
        Matter matter = catalogue.find(code.strip()).filter(found -> !found.retired()).orElseThrow(() ->
                new ApiException(404, "matter_not_found", "事项“" + code + "”不在本县事项目录中或已停止办理",
                        Map.of("field", "matter")));
        return matter.code();
    }

    private Set<String> suspendedCodes() {
        return Set.copyOf(statuses.latestOfAll().values().stream()
                .filter(change -> change.suspended()).map(change -> change.matterCode()).toList());
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_NEAREST;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= MAX_NEAREST) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Falls through to the error below.
        }
        throw new ApiException(400, "invalid_parameter", "数量“" + text + "”无效，应为 1 到 " + MAX_NEAREST + " 之间的整数",
                Map.of("field", "limit"));
    }

    /** Rounds a distance to 0.1 km, the precision of surveyed coordinates of a building's door. */
    private static Double rounded(Double km) {
        return km == null ? null : Math.round(km * 10) / 10.0;
    }
}
