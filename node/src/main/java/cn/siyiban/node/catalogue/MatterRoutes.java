package cn.siyiban.node.catalogue;

import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.governance.GovernanceStore;
import io.javalin.config.RoutesConfig;

/**
 * {@code GET /api/matters?q=} searches the catalogue; {@code GET /api/matters/{code}} reads one
 * matter with the proofs the county removed for it and its minimal lists, for the intake form.
 */
public final class MatterRoutes {

    private final CatalogueStore catalogue;
    private final GovernanceStore governance;

    public MatterRoutes(CatalogueStore catalogue, GovernanceStore governance) {
        this.catalogue = catalogue;
        this.governance = governance;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/matters", ctx ->
                ctx.json(catalogue.search(ctx.queryParam("q")).stream().map(MatterView::of).toList()));
        routes.get("/api/matters/{code}", ctx -> {
            String code = ctx.pathParam("code");
            Matter matter = catalogue.find(code).filter(found -> !found.retired()).orElseThrow(() ->
                    DomainException.notFound("matter_not_found", "事项“" + code + "”不在本县事项目录中或已停止办理"));
            ctx.json(MatterView.of(matter, governance.cancelledProofs(matter.code()),
                    governance.minimalLists(matter.code()).orElse(null)));
        });
    }
}
