package cn.siyiban.node.sync;

import cn.siyiban.core.time.PeriodicTask;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares this machine's clock with central's every few minutes while the link is up, so the
 * clerk sees a warning in every page header when the mini PC's clock has drifted or was reset by
 * a power cut. The node keeps working with a wrong clock: intake times and due dates stay in the
 * node's own time, and central flags the cases that arrive from a node whose clock is off.
 */
final class ClockWatch {

    private static final Logger log = LoggerFactory.getLogger(ClockWatch.class);
    /** Often enough to notice a clock reset within a clerk's session, cheap for a slow link. */
    private static final Duration PERIOD = Duration.ofMinutes(5);

    private final String healthUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Duration offset;
    private volatile boolean reportedOff;
    private final PeriodicTask timer = new PeriodicTask("clock-watch", PERIOD, this::checkNow);

    ClockWatch(String centralUrl) {
        String base = centralUrl.endsWith("/") ? centralUrl.substring(0, centralUrl.length() - 1) : centralUrl;
        this.healthUrl = base + "/health";
    }

    void start() {
        timer.start();
    }

    void stop() {
        timer.stop();
    }

    /** Returns central's clock minus this machine's from the last check that reached central, or null. */
    Duration offset() {
        return offset;
    }

    private void checkNow() {
        Instant sent = Instant.now();
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(healthUrl))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
            Optional<Duration> measured = CentralClock.offset(sent, Instant.now(),
                    response.headers().firstValue("Date"));
            if (measured.isEmpty()) {
                log.warn("Central {} sent no valid Date header; clock offset unknown", healthUrl);
                return;
            }
            record(measured.get());
        } catch (IOException | IllegalArgumentException e) {
            // The link is down. Keep the last known offset, because a wrong clock stays wrong until someone sets it.
            log.debug("Clock check against {} failed: {}", healthUrl, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void record(Duration measured) {
        offset = measured;
        boolean off = CentralClock.isOff(measured);
        // Log only the changes, or a node with a dead clock battery would log every 5 minutes.
        if (off && !reportedOff) {
            log.warn("Clock of this node is {} s behind central's (negative: ahead); due dates still use this node's "
                    + "clock", measured.toSeconds());
        } else if (!off && reportedOff) {
            log.info("Clock agrees with central again ({} s apart)", measured.toSeconds());
        }
        reportedOff = off;
    }
}
