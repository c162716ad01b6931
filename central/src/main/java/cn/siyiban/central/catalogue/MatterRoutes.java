package cn.siyiban.central.catalogue;

import cn.siyiban.central.auth.CentralAccess;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.web.ApiException;
import cn.siyiban.core.web.SessionGuard;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The county admin's catalogue API: list and search matters, create, edit and retire one, and
 * list the published versions. Each change that alters the catalogue publishes a new version,
 * which SymmetricDS sends to every node.
 */
public final class MatterRoutes {

    private final CataloguePublisher publisher;
    private final ObjectMapper mapper;

    public MatterRoutes(CataloguePublisher publisher, ObjectMapper mapper) {
        this.publisher = publisher;
        this.mapper = mapper;
    }

    /**
     * One row of the matter list.
     *
     * @param revision the catalogue version in which the matter last changed
     */
    public record MatterItem(String code, String name, String category, String department, String timeClass,
                             int materials, boolean retired, int revision) {
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/catalogue/matters", this::list);
        routes.get("/api/catalogue/matters/{code}", ctx -> {
            admin(ctx);
            ctx.json(find(ctx.pathParam("code")));
        });
        routes.post("/api/catalogue/matters", this::create);
        routes.put("/api/catalogue/matters/{code}", this::edit);
        routes.post("/api/catalogue/matters/{code}/retire", this::retire);
        routes.get("/api/catalogue/versions", ctx -> {
            admin(ctx);
            ctx.json(publisher.store().versions(50));
        });
    }

    /** {@code GET /api/catalogue/matters?q=...&retired=true}: matches name, code, category or department. */
    private void list(Context ctx) {
        admin(ctx);
        String query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip().toLowerCase(Locale.ROOT);
        boolean withRetired = "true".equals(ctx.queryParam("retired"));
        List<MatterItem> items = new ArrayList<>();
        for (Matter matter : publisher.store().all()) {
            if ((matter.retired() && !withRetired) || !matches(matter, query)) {
                continue;
            }
            items.add(new MatterItem(matter.code(), matter.name(), matter.category(), matter.department(),
                    matter.timeClass() == null ? null : matter.timeClass().code(), matter.materials().size(),
                    matter.retired(), matter.revision()));
        }
        ctx.json(Map.of("version", publisher.store().currentVersion(), "matters", items));
    }

    private static boolean matches(Matter matter, String query) {
        if (query.isEmpty()) {
            return true;
        }
        return contains(matter.name(), query) || contains(matter.code(), query) || contains(matter.category(), query)
                || contains(matter.department(), query);
    }

    private static boolean contains(String text, String query) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(query);
    }

    private void create(Context ctx) {
        Staff staff = admin(ctx);
        Matter matter = input(ctx).toMatter();
        CataloguePublisher.Publication publication = publisher.publish(current -> {
            if (current.stream().anyMatch(old -> old.code().equals(matter.code()))) {
                throw new DomainException(DomainException.Kind.CONFLICT, "matter_exists",
                        "事项编码 " + matter.code() + " 已存在（含已停用的事项），请编辑该事项");
            }
            List<Matter> next = new ArrayList<>(current);
            next.add(matter);
            return next;
        }, staff.username(), "新增事项 " + matter.code());
        ctx.status(201).json(publication);
    }

    /** Replaces a matter's content; editing a retired matter makes it active again. */
    private void edit(Context ctx) {
        Staff staff = admin(ctx);
        String code = ctx.pathParam("code");
        Matter matter = input(ctx).toMatter();
        if (!code.equals(matter.code())) {
            throw new ApiException(400, "invalid_matter", "事项编码不能修改：请求地址为 " + code + "，内容为 " + matter.code(),
                    Map.of("code", "应为 " + code));
        }
        ctx.json(publisher.publish(current -> replace(current, code, matter), staff.username(),
                "修改事项 " + code));
    }

    private void retire(Context ctx) {
        Staff staff = admin(ctx);
        String code = ctx.pathParam("code");
        ctx.json(publisher.publish(current -> {
            Matter old = current.stream().filter(m -> m.code().equals(code)).findFirst().orElse(null);
            if (old == null) {
                throw notFound(code);
            }
            if (old.retired()) {
                throw new DomainException(DomainException.Kind.CONFLICT, "matter_retired", "事项 " + code + " 已停用");
            }
            return replace(current, code, old.asRetired());
        }, staff.username(), "停用事项 " + code));
    }

    private static List<Matter> replace(List<Matter> current, String code, Matter replacement) {
        List<Matter> next = new ArrayList<>();
        boolean found = false;
        for (Matter matter : current) {
            if (matter.code().equals(code)) {
                next.add(replacement);
                found = true;
            } else {
                next.add(matter);
            }
        }
        if (!found) {
            throw notFound(code);
        }
        return next;
    }

    private Matter find(String code) {
        return publisher.store().find(code).orElseThrow(() -> notFound(code));
    }

    private static DomainException notFound(String code) {
        return DomainException.notFound("matter_not_found", "找不到事项 " + code);
    }

    private MatterInput input(Context ctx) {
        try {
            MatterInput input = mapper.readValue(ctx.body(), MatterInput.class);
            if (input == null) {
                throw new ApiException(400, "invalid_json", "请求内容为空");
            }
            return input;
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "invalid_json", "请求内容不是有效的事项JSON：" + e.getOriginalMessage());
        }
    }

    private static Staff admin(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        CentralAccess.requireAdmin(staff);
        return staff;
    }
}
