package cn.siyiban.central.bundles;

import cn.siyiban.central.audit.AuditLog;
import cn.siyiban.central.auth.CentralAccess;
import cn.siyiban.core.bundles.Bundle;
import cn.siyiban.core.bundles.BundleMaterials;
import cn.siyiban.core.bundles.BundleRules;
import cn.siyiban.core.bundles.BundleStore;
import cn.siyiban.core.bundles.MergedMaterial;
import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.web.ApiException;
import cn.siyiban.core.web.Json;
import cn.siyiban.core.web.SessionGuard;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The county admin's bundle API (一件事): list, read, create, edit and retire bundles. Each change
 * is checked against the catalogue, saved with its audit entry in one transaction, and reaches
 * every node through SymmetricDS. Bundles are retired, never deleted, because submissions name them.
 */
public final class BundleAdminRoutes {

    private static final Logger log = LoggerFactory.getLogger(BundleAdminRoutes.class);

    private final Database database;
    private final BundleStore bundles;
    private final CatalogueStore catalogue;
    private final AuditLog audit;
    private final CountyClock clock;
    private final ObjectMapper mapper;

    public BundleAdminRoutes(Database database, CatalogueStore catalogue, AuditLog audit, CountyClock clock,
                             ObjectMapper mapper) {
        this.database = database;
        this.bundles = new BundleStore(database);
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
        this.mapper = mapper;
    }

    /**
     * A bundle with its matters' names and the merged material list the nodes will show.
     *
     * @param problem why nodes cannot take the bundle in now (a matter was retired), null when they can
     */
    public record BundleItem(Bundle bundle, List<String> matterNames, List<MergedMaterial> mergedMaterials,
                             String problem) {
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/catalogue/bundles", ctx -> {
            admin(ctx);
            ctx.json(bundles.all().stream().map(this::item).toList());
        });
        routes.get("/api/catalogue/bundles/{code}", ctx -> {
            admin(ctx);
            ctx.json(item(find(ctx.pathParam("code"))));
        });
        routes.post("/api/catalogue/bundles", this::create);
        routes.put("/api/catalogue/bundles/{code}", this::edit);
        routes.post("/api/catalogue/bundles/{code}/retire", this::retire);
    }

    private void create(Context ctx) {
        Staff staff = admin(ctx);
        Bundle bundle = Json.read(ctx, mapper, BundleInput.class).toBundle(staff.username(), clock.now());
        BundleRules.check(bundle, catalogue::find);
        if (bundles.find(bundle.code()).isPresent()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "bundle_exists",
                    "一件事编码 " + bundle.code() + " 已存在（含已停用的），请编辑该一件事");
        }
        save(bundle, staff, "bundle_create", "新增一件事“" + bundle.name() + "”：" + String.join("、", bundle.matterCodes()));
        ctx.status(201).json(item(bundle));
    }

    /** Replaces a bundle's content; editing a retired bundle puts it in force again. */
    private void edit(Context ctx) {
        Staff staff = admin(ctx);
        String code = ctx.pathParam("code");
        Bundle bundle = Json.read(ctx, mapper, BundleInput.class).toBundle(staff.username(), clock.now());
        if (!code.equals(bundle.code())) {
            throw new ApiException(400, "invalid_bundle", "一件事编码不能修改：请求地址为 " + code + "，内容为 " + bundle.code(),
                    Map.of("field", "code"));
        }
        find(code);
        BundleRules.check(bundle, catalogue::find);
        save(bundle, staff, "bundle_update", "修改一件事“" + bundle.name() + "”：" + String.join("、", bundle.matterCodes()));
        ctx.json(item(bundle));
    }

    private void retire(Context ctx) {
        Staff staff = admin(ctx);
        Bundle old = find(ctx.pathParam("code"));
        if (old.retired()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "bundle_retired", "一件事 " + old.code() + " 已停用");
        }
        Bundle retired = old.retire(staff.username(), clock.now());
        save(retired, staff, "bundle_retire", "停用一件事“" + old.name() + "”");
        ctx.json(item(retired));
    }

    private void save(Bundle bundle, Staff staff, String action, String detail) {
        database.inTransaction(connection -> {
            BundleStore.save(connection, bundle);
            audit.record(connection, staff.username(), action, null, bundle.code(), detail);
            return null;
        });
        log.info("Bundle {} saved by {} ({})", bundle.code(), staff.username(), action);
    }

    private BundleItem item(Bundle bundle) {
        List<Optional<Matter>> matters = bundle.matterCodes().stream().map(catalogue::find).toList();
        List<String> names = matters.stream().map(found -> found.map(Matter::name).orElse("（目录中已无此事项）")).toList();
        String problem = null;
        for (int i = 0; i < matters.size(); i++) {
            if (matters.get(i).isEmpty() || matters.get(i).get().retired()) {
                problem = "事项 " + bundle.matterCodes().get(i) + " 已停用或不在目录中，各节点暂不能受理此一件事";
            }
        }
        List<Matter> present = matters.stream().flatMap(Optional::stream).toList();
        return new BundleItem(bundle, names, BundleMaterials.merge(bundle, present), problem);
    }

    private Bundle find(String code) {
        return bundles.find(code).orElseThrow(() ->
                DomainException.notFound("bundle_not_found", "找不到一件事 " + code));
    }

    private static Staff admin(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        CentralAccess.requireAdmin(staff);
        return staff;
    }
}
