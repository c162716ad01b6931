package cn.siyiban.central.catalogue;

import cn.siyiban.core.catalogue.CatalogueCsv;
import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.staff.Role;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.web.ApiException;
import cn.siyiban.core.web.SessionGuard;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the county catalogue from the spreadsheet the county keeps, exported as UTF-8 CSV.
 * Each publication is a new catalogue version that SymmetricDS sends to every node. A file with
 * any bad row publishes nothing.
 */
public final class CatalogueRoutes {

    private static final Logger log = LoggerFactory.getLogger(CatalogueRoutes.class);

    private final CatalogueStore catalogue;
    private final CountyClock clock;

    public CatalogueRoutes(CatalogueStore catalogue, CountyClock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** The result of an import: the new version and how many matters the file held. */
    public record Published(int version, int matters, String mode) {
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/catalogue/version", ctx -> ctx.json(Map.of("version", catalogue.currentVersion())));
        routes.post("/api/catalogue/import", this::importFile);
    }

    /**
     * {@code POST /api/catalogue/import?mode=replace|merge} with the CSV as the body. replace
     * (the default) makes the file the whole catalogue, retiring matters it leaves out; merge adds
     * and changes the file's matters and keeps the others.
     */
    private void importFile(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        if (staff.role() != Role.COUNTY_ADMIN) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "forbidden", "只有县级管理员可以发布事项目录");
        }
        String mode = ctx.queryParam("mode") == null ? "replace" : ctx.queryParam("mode");
        if (!mode.equals("replace") && !mode.equals("merge")) {
            throw new ApiException(400, "invalid_parameter", "导入方式mode应为replace（整体替换）或merge（合并）");
        }
        List<Matter> imported;
        try {
            imported = CatalogueCsv.read(new StringReader(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new ApiException(400, "invalid_catalogue_file", "无法读取上传的文件：" + e.getMessage());
        }
        List<Matter> published = mode.equals("merge") ? merged(imported) : imported;
        int version = catalogue.publish(published, staff.username(), "CSV导入（" + mode + "）", clock.now());
        log.info("Catalogue version {} published by {} from a CSV of {} matters ({})", version, staff.username(),
                imported.size(), mode);
        ctx.status(201).json(new Published(version, imported.size(), mode));
    }

    private List<Matter> merged(List<Matter> imported) {
        Map<String, Matter> byCode = new LinkedHashMap<>();
        for (Matter matter : catalogue.search("")) {
            byCode.put(matter.code(), matter);
        }
        for (Matter matter : imported) {
            byCode.put(matter.code(), matter);
        }
        return new ArrayList<>(byCode.values());
    }
}
