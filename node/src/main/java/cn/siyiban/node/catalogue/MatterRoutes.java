package cn.siyiban.node.catalogue;

import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.error.DomainException;
import io.javalin.config.RoutesConfig;

/** {@code GET /api/matters?q=} searches the catalogue; {@code GET /api/matters/{code}} reads one matter. */
public final class MatterRoutes {

    private final CatalogueStore catalogue;

    public MatterRoutes(CatalogueStore catalogue) {
        this.catalogue = catalogue;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/matters", ctx ->
                ctx.json(catalogue.search(ctx.queryParam("q")).stream().map(MatterView::of).toList()));
        routes.get("/api/matters/{code}", ctx -> {
            String code = ctx.pathParam("code");
            Matter matter = catalogue.find(code).filter(found -> !found.retired()).orElseThrow(() ->
                    DomainException.notFound("matter_not_found", "事项“" + code + "”不在本县事项目录中或已停止办理"));
            ctx.json(MatterView.of(matter));
        });
    }
}
