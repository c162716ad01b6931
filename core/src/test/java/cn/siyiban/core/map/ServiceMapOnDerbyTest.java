package cn.siyiban.core.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.network.PointLevel;
import cn.siyiban.core.testing.CoreDerby;
import cn.siyiban.core.time.CountyClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service map on the shipped network: search by matter, and nearest points by coordinates or by the tree. */
class ServiceMapOnDerbyTest {

    /** 北爱园居委会 of 爱园镇 (321323101000). */
    private static final String VILLAGE = "321323101001";
    private static final String TOWNSHIP = "321323101000";
    /** 王集居委会 of 王集镇, another township. */
    private static final String OTHER_VILLAGE = "321323102001";
    private static final CountyClock CLOCK =
            new CountyClock(Clock.fixed(Instant.parse("2026-12-04T02:00:00Z"), CountyClock.ZONE));

    @TempDir
    Path folder;
    private Database database;
    private ServiceMapStore store;
    private ServiceMap map;

    @BeforeEach
    void open() {
        database = CoreDerby.seeded(folder.resolve("db"), 4, CLOCK);
        store = new ServiceMapStore(database);
        map = new ServiceMap(store);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void place(String code, String latitude, String longitude) {
        database.inTransaction(connection -> store.updateDetails(connection, code, PointDetails.validated(
                "测试地址", "周一至周五 8:30-17:30", "0527-00000000", new BigDecimal(latitude), new BigDecimal(longitude))));
    }

    private void restrict(String point, String... matters) {
        database.inTransaction(connection -> {
            store.replaceScope(connection, point, List.of(matters), "admin", CLOCK.now());
            return null;
        });
    }

    @Test
    void shippedPointsHaveNoInventedFacts() {
        List<MapPoint> points = store.points();

        assertEquals(258, points.size());
        assertTrue(points.stream().noneMatch(MapPoint::hasCoordinates));
        assertTrue(points.stream().allMatch(point -> point.address() == null));
        assertTrue(points.stream().noneMatch(MapPoint::restricted));
    }

    @Test
    void everyPointHandlesEveryMatterByDefault() {
        assertEquals(258, map.handling("SYM-023").size());
    }

    @Test
    void restrictedPointOnlyHandlesItsMatters() {
        restrict(VILLAGE, "SYM-001", "SYM-002");

        Set<String> handlingLowIncome = Set.copyOf(map.handling("SYM-023").stream().map(MapPoint::code).toList());
        assertEquals(257, handlingLowIncome.size());
        assertFalse(handlingLowIncome.contains(VILLAGE));
        assertTrue(map.handling("SYM-001").stream().anyMatch(point -> point.code().equals(VILLAGE)));

        restrict(VILLAGE);
        assertEquals(258, map.handling("SYM-023").size());
    }

    @Test
    void nearestWithoutCoordinatesFollowsTree() {
        List<ServiceMap.Nearby> nearest = map.nearest(VILLAGE, null, 5);

        assertEquals(VILLAGE, nearest.get(0).point().code());
        assertEquals(0, nearest.get(0).treeSteps());
        assertEquals(TOWNSHIP, nearest.get(1).point().code());
        assertEquals(1, nearest.get(1).treeSteps());
        for (ServiceMap.Nearby next : nearest.subList(2, 5)) {
            assertEquals(TOWNSHIP, next.point().parentCode(), next.point().code());
            assertEquals(PointLevel.VILLAGE, next.point().level());
            assertNull(next.distanceKm());
        }
    }

    @Test
    void nearestSkipsPointsWithoutTheMatter() {
        restrict(VILLAGE, "SYM-001");

        List<ServiceMap.Nearby> nearest = map.nearest(VILLAGE, "SYM-023", 3);

        assertEquals(TOWNSHIP, nearest.get(0).point().code());
    }

    @Test
    void coordinatesRankByDistance() {
        place(VILLAGE, "33.700000", "118.700000");
        place(OTHER_VILLAGE, "33.710000", "118.700000");
        place(TOWNSHIP, "33.800000", "118.700000");

        List<ServiceMap.Nearby> nearest = map.nearest(VILLAGE, null, 4);

        assertEquals(List.of(VILLAGE, OTHER_VILLAGE, TOWNSHIP),
                nearest.subList(0, 3).stream().map(n -> n.point().code()).toList());
        assertEquals(1.1, nearest.get(1).distanceKm(), 0.05);
        assertNull(nearest.get(3).distanceKm());
    }

    @Test
    void unknownVillageRejected() {
        DomainException rejected = assertThrows(DomainException.class, () -> map.nearest("999", null, 5));

        assertEquals("point_not_found", rejected.code());
    }

    @Test
    void halfCoordinatesRejected() {
        DomainException rejected = assertThrows(DomainException.class,
                () -> PointDetails.validated(null, null, null, new BigDecimal("33.7"), null));

        assertEquals("incomplete_coordinates", rejected.code());
    }
}
