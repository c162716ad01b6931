package cn.siyiban.central.catalogue;

import cn.siyiban.core.catalogue.CatalogueCsv;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.staff.Role;
import cn.siyiban.core.staff.Staff;
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

/**
 * Publishes the county catalogue from the spreadsheet the county keeps, exported as UTF-8 CSV.
 * The preview shows what a file would add, change and retire. The import publishes it as a new
 * catalogue version that SymmetricDS sends to every node. A file with any bad row publishes
 * nothing.
 */
public final class CatalogueRoutes {

    private final CataloguePublisher publisher;

    public CatalogueRoutes(CataloguePublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * The result of an import.
     *
     * @param version the catalogue version in force after the import
     * @param matters how many matters the file contains
     * @param published false when the file changed nothing, so no version was published
     */
    public record Published(int version, int matters, String mode, boolean published, CatalogueDiff diff) {
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/catalogue/version", ctx -> ctx.json(Map.of("version", publisher.store().currentVersion())));
        routes.post("/api/catalogue/import/preview", this::preview);
        routes.post("/api/catalogue/import", this::importFile);
    }

    /**
     * {@code POST /api/catalogue/import/preview?mode=replace|merge} with the CSV as the body:
     * returns what the import would change, and changes nothing.
     */
    private void preview(Context ctx) {
        admin(ctx);
        String mode = mode(ctx);
        List<Matter> imported = read(ctx);
        List<Matter> current = publisher.store().all();
        CatalogueDiff diff = CatalogueDiff.of(current, next(current, imported, mode));
        ctx.json(Map.of("version", publisher.store().currentVersion(), "matters", imported.size(), "mode", mode,
                "diff", diff));
    }

    /**
     * {@code POST /api/catalogue/import?mode=replace|merge} with the CSV as the body. replace
     * (the default) makes the file the whole catalogue, retiring matters it leaves out; merge adds
     * and changes the file's matters and keeps the others.
     */
    private void importFile(Context ctx) {
        Staff staff = admin(ctx);
        String mode = mode(ctx);
        List<Matter> imported = read(ctx);
        CataloguePublisher.Publication publication = publisher.publish(current -> next(current, imported, mode),
                staff.username(), "CSV导入（" + mode + "）");
        ctx.status(publication.published() ? 201 : 200).json(new Published(publication.version(), imported.size(),
                mode, publication.published(), publication.diff()));
    }

    private static String mode(Context ctx) {
        String mode = ctx.queryParam("mode") == null ? "replace" : ctx.queryParam("mode");
        if (!mode.equals("replace") && !mode.equals("merge")) {
            throw new ApiException(400, "invalid_parameter", "导入方式mode应为replace（整体替换）或merge（合并）");
        }
        return mode;
    }

    private static List<Matter> read(Context ctx) {
        try {
            return CatalogueCsv.read(new StringReader(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new ApiException(400, "invalid_catalogue_file", "无法读取上传的文件：" + e.getMessage());
        }
    }

    /**
     * Returns the list to publish. In replace mode it is the file itself, and the publisher retires
     * the active matters the file leaves out. In merge mode the file's matters replace those with
     * the same code and every other matter stays as it is.
     */
    private static List<Matter> next(List<Matter> current, List<Matter> imported, String mode) {
        if (mode.equals("replace")) {
            return imported;
        }
        Map<String, Matter> byCode = new LinkedHashMap<>();
        for (Matter matter : current) {
            byCode.put(matter.code(), matter);
        }
        for (Matter matter : imported) {
            byCode.put(matter.code(), matter);
        }
        return new ArrayList<>(byCode.values());
    }

    private static Staff admin(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        if (staff.role() != Role.COUNTY_ADMIN) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "forbidden", "只有县级管理员可以发布事项目录");
        }
        return staff;
    }
}
