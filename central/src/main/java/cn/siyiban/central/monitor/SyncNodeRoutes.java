package cn.siyiban.central.monitor;

import cn.siyiban.central.audit.AuditLog;
import cn.siyiban.central.auth.CentralAccess;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.web.ApiException;
import cn.siyiban.core.web.SessionGuard;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The sync monitor's API for county admins: the figures of every node, one node's drill-down,
 * the open alerts, the actions and the audit log; and {@code GET /metrics} for Prometheus.
 */
public final class SyncNodeRoutes {

    /** SymmetricDS channel ids as siyiban names them, such as {@code staff} or {@code reload}. */
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z0-9_]{1,128}");

    private final SyncNodeReader reader;
    private final NodeDetailReader details;
    private final SyncAlerts alerts;
    private final SyncActions actions;
    private final SyncMetrics metrics;
    private final AuditLog audit;
    private final CountyClock clock;
    private final ObjectMapper mapper;

    public SyncNodeRoutes(SyncNodeReader reader, NodeDetailReader details, SyncAlerts alerts, SyncActions actions,
                          SyncMetrics metrics, AuditLog audit, CountyClock clock, ObjectMapper mapper) {
        this.reader = reader;
        this.details = details;
        this.alerts = alerts;
        this.actions = actions;
        this.metrics = metrics;
        this.audit = audit;
        this.clock = clock;
        this.mapper = mapper;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/sync/nodes", ctx -> {
            admin(ctx);
            ctx.json(reader.read());
        });
        routes.get("/api/sync/overview", ctx -> {
            admin(ctx);
            List<SyncNode> nodes = reader.read();
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (SyncState state : SyncState.values()) {
                counts.put(state.code(), 0);
            }
            nodes.forEach(node -> counts.merge(node.status(), 1, Integer::sum));
            ctx.json(Map.of("generatedAt", clock.now(), "counts", counts, "nodes", nodes,
                    "alerts", alerts.alerts(nodes)));
        });
        routes.get("/api/sync/alerts", ctx -> {
            admin(ctx);
            ctx.json(alerts.alerts(reader.read()));
        });
        routes.get("/api/sync/nodes/{point}", this::detail);
        routes.post("/api/sync/nodes/{point}/batches/{batchId}/retry", ctx -> {
            Staff staff = admin(ctx);
            long batchId = batchId(ctx);
            actions.retryBatch(staff.username(), ctx.pathParam("point"), batchId);
            ctx.json(Map.of("point", ctx.pathParam("point"), "batchId", batchId, "status", "NE"));
        });
        routes.post("/api/sync/nodes/{point}/reload", ctx -> {
            Staff staff = admin(ctx);
            String message = actions.reload(staff.username(), ctx.pathParam("point"));
            ctx.status(202).json(Map.of("point", ctx.pathParam("point"), "message", message));
        });
        routes.post("/api/sync/nodes/{point}/disable", ctx -> enable(ctx, false));
        routes.post("/api/sync/nodes/{point}/enable", ctx -> enable(ctx, true));
        routes.get("/api/audit", ctx -> {
            admin(ctx);
            ctx.json(audit.latest(ctx.queryParam("point"), 200));
        });
        routes.get("/metrics", this::scrape);
    }

    private void detail(Context ctx) {
        admin(ctx);
        String point = ctx.pathParam("point");
        SyncNode node = reader.read(point);
        if (node == null) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "point_not_found", "找不到网点 " + point);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("node", node);
        body.put("alerts", alerts.alerts(List.of(node)).stream().filter(a -> point.equals(a.point())).toList());
        body.put("batches", details.batches(node.nodeId(), channel(ctx.queryParam("channel")),
                clock.now().atZone(CountyClock.ZONE).toInstant()));
        body.put("samples", details.samples(point, clock.now()));
        body.put("audit", audit.latest(point, 20));
        ctx.json(body);
    }

    /** Returns the channel a drill-down is filtered to, or null for every channel. */
    private static String channel(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!CHANNEL_NAME.matcher(text).matches()) {
            throw DomainException.invalid("invalid_channel", "同步通道名“" + text + "”无效，应为小写字母、数字和下划线",
                    "channel");
        }
        return text;
    }

    private void enable(Context ctx, boolean enabled) {
        Staff staff = admin(ctx);
        requireConfirmation(ctx);
        actions.setEnabled(staff.username(), ctx.pathParam("point"), enabled);
        ctx.json(reader.read(ctx.pathParam("point")));
    }

    /**
     * Disabling a node cuts a village off, so the request must name the point again in
     * {@code {"confirm": "<point>"}}, as the page's confirmation dialog sends it.
     */
    private void requireConfirmation(Context ctx) {
        String confirm = null;
        try {
            JsonNode body = ctx.body().isBlank() ? null : mapper.readTree(ctx.body());
            confirm = body == null ? null : body.path("confirm").asText(null);
        } catch (IOException e) {
            throw new ApiException(400, "invalid_json", "请求内容不是有效的JSON");
        }
        if (!ctx.pathParam("point").equals(confirm)) {
            throw new ApiException(400, "confirmation_required", "请在确认框中输入网点代码以确认操作",
                    Map.of("confirm", "应为 " + ctx.pathParam("point")));
        }
    }

    /**
     * Serves the metrics without a session to Prometheus on the same machine only. NOTE: behind a
     * reverse proxy on the same machine every request comes from loopback.
     */
    private void scrape(Context ctx) throws UnknownHostException {
        if (!InetAddress.getByName(ctx.ip()).isLoopbackAddress()) {
            throw new ApiException(403, "forbidden", "监控指标只对本机开放");
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    private static long batchId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("batchId"));
        } catch (NumberFormatException e) {
            throw new ApiException(400, "invalid_parameter", "批次号应为整数：" + ctx.pathParam("batchId"));
        }
    }

    private static Staff admin(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        CentralAccess.requireAdmin(staff);
        return staff;
    }
}
