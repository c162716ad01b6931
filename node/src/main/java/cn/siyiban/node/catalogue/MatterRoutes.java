package cn.siyiban.node.catalogue;

import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.governance.GovernanceStore;
import cn.siyiban.core.governance.MatterStatusChange;
import cn.siyiban.core.governance.MatterStatusStore;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/**
 * {@code GET /api/matters?q=} searches the catalogue and marks suspended matters.
 * {@code GET /api/matters/{code}} reads one matter with the proofs the county removed for it and
 * its minimal lists, for the intake form.
 */
public final class MatterRoutes {

    private final CatalogueStore catalogue;
    private final GovernanceStore governance;
    private final MatterStatusStore statuses;

    public MatterRoutes(CatalogueStore catalogue, GovernanceStore governance, MatterStatusStore statuses) {
        this.catalogue = catalogue;
        this.governance = governance;
        this.statuses = statuses;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/matters", ctx -> {
            Map<String, MatterStatusChange> latest = statuses.latestOfAll();
            ctx.json(catalogue.search(ctx.queryParam("q")).stream()
                    .map(matter -> MatterView.of(matter, suspendedReason(latest.get(matter.code()))))
                    .toList());
        });
        routes.get("/api/matters/{code}", ctx -> {
            String code = ctx.pathParam("code");
            Matter matter = catalogue.find(code).filter(found -> !found.retired()).orElseThrow(() ->
                    DomainException.notFound("matter_not_found", "事项“" + code + "”不在本县事项目录中或已停止办理"));
            ctx.json(MatterView.of(matter, governance.cancelledProofs(matter.code()),
                    governance.minimalLists(matter.code()).orElse(null),
                    suspendedReason(statuses.suspension(matter.code()).orElse(null))));
        });
    }

    private static String suspendedReason(MatterStatusChange latest) {
        return latest != null && latest.suspended() ? latest.reason() : null;
    }
}
