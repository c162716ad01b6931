package cn.siyiban.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NetworkTest {

    @Test
    void shipsTheWholeNetwork() {
        Network network = Network.shipped();
        assertEquals(258, network.points().size());
        Map<PointLevel, Long> counts = network.points().stream()
                .collect(Collectors.groupingBy(ServicePoint::level, Collectors.counting()));
        assertEquals(1L, counts.get(PointLevel.COUNTY));
        assertEquals(1L, counts.get(PointLevel.ZONE));
        assertEquals(4L, counts.get(PointLevel.SUBCENTRE));
        assertEquals(15L, counts.get(PointLevel.TOWNSHIP));
        assertEquals(237L, counts.get(PointLevel.VILLAGE));
    }

    @Test
    void everyVillageHasAnExistingTownshipParent() {
        Network network = Network.shipped();
        for (ServicePoint village : network.points()) {
            if (village.level() == PointLevel.VILLAGE) {
                ServicePoint parent = network.find(village.parentCode()).orElseThrow();
                assertEquals(PointLevel.TOWNSHIP, parent.level(), village.code());
                assertTrue(village.code().startsWith(parent.code().substring(0, 9)), village.code());
            }
        }
    }
}
