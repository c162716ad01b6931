package cn.siyiban.node.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CentralClockTest {

    private static final Instant SENT = Instant.parse("2026-12-04T02:00:00Z");

    @Test
    void offsetUsesMidpointOfRequest() {
        Optional<Duration> offset = CentralClock.offset(SENT, SENT.plusSeconds(2),
                Optional.of("Sun, 06 Dec 2026 02:00:01 GMT"));

        assertEquals(Duration.ofDays(2), offset.orElseThrow());
    }

    @Test
    void offsetEmptyWithoutValidHeader() {
        assertTrue(CentralClock.offset(SENT, SENT, Optional.empty()).isEmpty());
        assertTrue(CentralClock.offset(SENT, SENT, Optional.of("yesterday")).isEmpty());
    }

    @Test
    void problemSaysWhichWayAndHowFar() {
        assertNull(CentralClock.problem(Duration.ofMinutes(5)));
        assertNull(CentralClock.problem(Duration.ofMinutes(-5)));

        String slow = CentralClock.problem(Duration.ofDays(2));
        String fast = CentralClock.problem(Duration.ofHours(-3).minusMinutes(20));

        assertTrue(slow.startsWith("本机时钟比县级中心慢 2 天 0 小时"), slow);
        assertTrue(fast.startsWith("本机时钟比县级中心快 3 小时 20 分钟"), fast);
    }
}
