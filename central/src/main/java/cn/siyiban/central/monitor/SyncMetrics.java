package cn.siyiban.central.monitor;

import cn.siyiban.core.time.CountyClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node figures in Prometheus text format. Each scrape reads the figures once and updates
 * the gauges; per-node gauges carry the point code as label {@code point}.
 */
public final class SyncMetrics {

    private final SyncNodeReader reader;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<SyncState, Integer> counts = new EnumMap<>(SyncState.class);
    private final Map<String, SyncNode> nodes = new ConcurrentHashMap<>();

    public SyncMetrics(SyncNodeReader reader) {
        this.reader = reader;
        for (SyncState state : SyncState.values()) {
            counts.put(state, 0);
            Gauge.builder("siyiban_sync_nodes", () -> counts.get(state))
                    .description("Village and township points by sync state")
                    .tag("state", state.code())
                    .register(registry);
        }
    }

    /** Reads the figures and returns the scrape text. */
    public synchronized String scrape() {
        List<SyncNode> read = reader.read();
        counts.replaceAll((state, count) -> 0);
        for (SyncNode node : read) {
            SyncState state = SyncState.valueOf(node.status().toUpperCase());
            counts.merge(state, 1, Integer::sum);
            if (node.registeredAt() == null) {
                continue;
            }
            // Gauges read the latest figures from the map, so each point's gauges register once.
            SyncNode previous = nodes.put(node.point(), node);
            if (previous == null) {
                register(node.point());
                registerReport(node.point());
            }
        }
        return registry.scrape();
    }

    private void register(String point) {
        Gauge.builder("siyiban_sync_outgoing_batches", () -> nodes.get(point).outgoingBatches())
                .description("Batches central holds for the node, not yet loaded").tag("point", point)
                .register(registry);
        Gauge.builder("siyiban_sync_outgoing_rows", () -> nodes.get(point).outgoingRows())
                .description("Data rows central holds for the node, not yet loaded").tag("point", point)
                .register(registry);
        Gauge.builder("siyiban_sync_error_batches", () -> nodes.get(point).errorBatches())
                .description("Batches in error, both directions").tag("point", point)
                .register(registry);
        Gauge.builder("siyiban_sync_heartbeat_age_seconds", () -> heartbeatAge(nodes.get(point)))
                .description("Seconds since the node's latest heartbeat, NaN before the first").tag("point", point)
                .register(registry);
    }

    private void registerReport(String point) {
        Gauge.builder("siyiban_node_free_disk_bytes", () -> reported(point, NodeReport::freeDiskBytes))
                .description("Free bytes on the node's data disk as it last reported, NaN before its first report")
                .tag("point", point).register(registry);
        Gauge.builder("siyiban_node_database_bytes", () -> reported(point, NodeReport::databaseBytes))
                .description("Size of the node's database as it last reported, NaN before its first report")
                .tag("point", point).register(registry);
    }

    private double reported(String point, java.util.function.ToLongFunction<NodeReport> figure) {
        NodeReport report = nodes.get(point).report();
        return report == null ? Double.NaN : figure.applyAsLong(report);
    }

    private static double heartbeatAge(SyncNode node) {
        if (node.lastHeartbeat() == null) {
            return Double.NaN;
        }
        return Duration.between(node.lastHeartbeat(), LocalDateTime.now(CountyClock.ZONE)).toSeconds();
    }
}
