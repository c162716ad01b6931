package cn.siyiban.core.map;

import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.network.PointLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers the map's two questions from the replicated tables: which points take in a matter,
 * and which points are nearest to a village.
 */
public final class ServiceMap {

    /** Mean Earth radius in kilometres, for the great-circle distance. */
    private static final double EARTH_RADIUS_KM = 6371.0;

    private final ServiceMapStore store;

    public ServiceMap(ServiceMapStore store) {
        this.store = store;
    }

    /** Returns the points that take in {@code matterCode}, in code order. */
    public List<MapPoint> handling(String matterCode) {
        return store.points().stream().filter(point -> point.handles(matterCode)).toList();
    }

    /**
     * One point ranked by its nearness to a village.
     *
     * @param distanceKm great-circle distance, null unless both points have coordinates
     * @param treeSteps edges between the two points in the network tree: 0 is the village itself,
     *                  1 its township, 2 the township's other villages
     */
    public record Nearby(MapPoint point, Double distanceKm, int treeSteps) {
    }

    /**
     * Returns up to {@code limit} points nearest to {@code villageCode} that take in
     * {@code matterCode} (every point when it is null). Points with coordinates come first, by
     * distance, when the village has coordinates too. The rest follow by the network tree: the
     * village itself, then its township and the township's villages, then the county's other
     * points. Within one branch fewer tree steps come first, and service centres come before
     * village stations, because they take in more.
     */
    public List<Nearby> nearest(String villageCode, String matterCode, int limit) {
        List<MapPoint> points = store.points();
        Map<String, MapPoint> byCode = new HashMap<>();
        points.forEach(point -> byCode.put(point.code(), point));
        MapPoint origin = byCode.get(villageCode);
        if (origin == null) {
            throw DomainException.notFound("point_not_found", "服务点编码“" + villageCode + "”不在本县服务网络中");
        }
        List<String> originPath = pathToRoot(origin, byCode);
        List<Ranked> ranked = new ArrayList<>();
        for (MapPoint point : points) {
            if (matterCode != null && !point.handles(matterCode)) {
                continue;
            }
            Double distance = origin.hasCoordinates() && point.hasCoordinates() ? distanceKm(origin, point) : null;
            List<String> pointPath = pathToRoot(point, byCode);
            ranked.add(new Ranked(new Nearby(point, distance, treeSteps(originPath, pointPath)),
                    commonDepth(originPath, pointPath)));
        }
        ranked.sort(Comparator.comparing((Ranked r) -> r.nearby().distanceKm() == null)
                .thenComparing(r -> r.nearby().distanceKm() == null ? 0.0 : r.nearby().distanceKm())
                .thenComparing(Comparator.comparingInt(Ranked::commonDepth).reversed())
                .thenComparingInt(r -> r.nearby().treeSteps())
                .thenComparing(r -> r.nearby().point().level() == PointLevel.VILLAGE)
                .thenComparing(r -> r.nearby().point().code()));
        return ranked.stream().limit(limit).map(Ranked::nearby).toList();
    }

    /** A candidate with the depth of its lowest common ancestor with the village (0 is the county). */
    private record Ranked(Nearby nearby, int commonDepth) {
    }

    /** Returns the depth of the lowest common ancestor of two paths to the root, the root being 0. */
    private static int commonDepth(List<String> from, List<String> to) {
        for (int up = 0; up < from.size(); up++) {
            if (to.contains(from.get(up))) {
                return from.size() - 1 - up;
            }
        }
        return -1;
    }

    /** Returns the codes from {@code point} up to the root of the network, the point first. */
    private static List<String> pathToRoot(MapPoint point, Map<String, MapPoint> byCode) {
        List<String> path = new ArrayList<>();
        MapPoint current = point;
        // The bound stops a loop of parent codes, which the shipped network does not have.
        while (current != null && path.size() <= byCode.size()) {
            path.add(current.code());
            current = current.parentCode() == null ? null : byCode.get(current.parentCode());
        }
        return path;
    }

    /** Returns the edges between two points through their lowest common ancestor. */
    private static int treeSteps(List<String> from, List<String> to) {
        for (int up = 0; up < from.size(); up++) {
            int down = to.indexOf(from.get(up));
            if (down >= 0) {
                return up + down;
            }
        }
        return from.size() + to.size();
    }

    /** Great-circle distance by the haversine formula. */
    static double distanceKm(MapPoint a, MapPoint b) {
        double lat1 = Math.toRadians(a.latitude().doubleValue());
        double lat2 = Math.toRadians(b.latitude().doubleValue());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.longitude().doubleValue() - a.longitude().doubleValue());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}
