package cn.siyiban.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.network.Network;
import cn.siyiban.core.network.ServicePoint;
import java.nio.file.Path;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PullPeriodSpreadTest {

    private static final long CONFIGURED = 2_000;

    private final List<String> points = Network.shipped().points().stream().map(ServicePoint::code).toList();

    @Test
    void periodWithinATenthBelowConfigured() {
        for (String point : points) {
            long period = PullPeriodSpread.forNode(CONFIGURED, point);
            assertTrue(period <= CONFIGURED, point + " got " + period + " ms");
            assertTrue(period >= CONFIGURED * 9 / 10, point + " got " + period + " ms");
        }
    }

    @Test
    void networkPeriodsSpreadOverTheTenth() {
        LongSummaryStatistics periods = points.stream()
                .mapToLong(point -> PullPeriodSpread.forNode(CONFIGURED, point)).summaryStatistics();
        long distinct = points.stream().map(point -> PullPeriodSpread.forNode(CONFIGURED, point)).distinct().count();
        // Neighbouring point codes must not share a period, or they would stay in step.
        assertTrue(distinct > points.size() / 2, distinct + " distinct periods for " + points.size() + " points");
        assertTrue(periods.getMax() - periods.getMin() >= 180, "periods from " + periods.getMin() + " to " + periods.getMax());
        assertTrue(periods.getAverage() > 1_850, "average " + periods.getAverage());
        assertTrue(periods.getAverage() < 1_950, "average " + periods.getAverage());
    }

    @Test
    void periodStableForOnePoint() {
        assertEquals(PullPeriodSpread.forNode(CONFIGURED, "321323103201"),
                PullPeriodSpread.forNode(CONFIGURED, "321323103201"));
    }

    @Test
    void nodePropertiesCarryThePeriod() {
        String point = points.get(points.size() - 1);
        Properties common = EngineProperties.common("node-" + point, "village", point, "http://127.0.0.1/x/node-" + point,
                "http://127.0.0.1:8080/sync/central", Path.of("target"), "jdbc:derby:memory:x", "driver", "app", "app",
                SyncTimings.defaults());
        Properties node = EngineProperties.node(common);
        assertEquals(Long.toString(PullPeriodSpread.forNode(CONFIGURED, point)), node.getProperty("job.pull.period.time.ms"));
        assertEquals(Long.toString(CONFIGURED), EngineProperties.central(common).getProperty("job.pull.period.time.ms"));
    }
}
