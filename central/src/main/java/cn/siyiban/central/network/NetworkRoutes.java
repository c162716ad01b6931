package cn.siyiban.central.network;

import cn.siyiban.central.auth.CentralAccess;
import cn.siyiban.central.monitor.SyncNode;
import cn.siyiban.central.monitor.SyncNodeReader;
import cn.siyiban.core.network.PointStore;
import cn.siyiban.core.network.ServicePoint;
import cn.siyiban.core.web.SessionGuard;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/network}: the network registry for county admins. Every point of the network,
 * centres included, with its parent, level and the registration state of its node.
 */
public final class NetworkRoutes {

    private final PointStore points;
    private final SyncNodeReader nodes;

    public NetworkRoutes(PointStore points, SyncNodeReader nodes) {
        this.points = points;
        this.nodes = nodes;
    }

    /**
     * One point of the registry.
     *
     * @param registration {@code central} for the centres, which central itself serves, and
     *                     otherwise {@code registered}, {@code unregistered} or {@code disabled}
     * @param status the sync monitor's state code of the node, null for the centres
     */
    public record RegistryPoint(String code, String name, String level, String levelLabel, String parentCode,
                                String parentName, String registration, String registrationLabel,
                                LocalDateTime registeredAt, String status, String statusLabel) {
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/network", this::list);
    }

    private void list(Context ctx) {
        CentralAccess.requireAdmin(SessionGuard.staff(ctx));
        List<ServicePoint> all = points.all();
        Map<String, String> names = new HashMap<>();
        all.forEach(point -> names.put(point.code(), point.name()));
        Map<String, SyncNode> byPoint = new HashMap<>();
        nodes.read().forEach(node -> byPoint.put(node.point(), node));
        List<RegistryPoint> registry = new ArrayList<>();
        for (ServicePoint point : all) {
            SyncNode node = byPoint.get(point.code());
            String registration;
            String label;
            if (node == null) {
                registration = "central";
                label = "由县级中心服务";
            } else if (node.registeredAt() == null) {
                registration = "unregistered";
                label = "未注册";
            } else if (!node.syncEnabled()) {
                registration = "disabled";
                label = "已停用";
            } else {
                registration = "registered";
                label = "已注册";
            }
            registry.add(new RegistryPoint(point.code(), point.name(), point.level().code(), point.level().label(),
                    point.parentCode(), point.parentCode() == null ? null : names.get(point.parentCode()),
                    registration, label, node == null ? null : node.registeredAt(),
                    node == null ? null : node.status(), node == null ? null : node.statusLabel()));
        }
        ctx.json(registry);
    }
}
