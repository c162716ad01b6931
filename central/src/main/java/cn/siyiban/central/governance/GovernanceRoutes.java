package cn.siyiban.central.governance;

import cn.siyiban.central.audit.AuditLog;
import cn.siyiban.central.auth.CentralAccess;
import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.governance.CancelledProof;
import cn.siyiban.core.governance.GovernanceStore;
import cn.siyiban.core.governance.IdleMatters;
import cn.siyiban.core.governance.MatterStatusChange;
import cn.siyiban.core.governance.MatterStatusStore;
import cn.siyiban.core.governance.MinimalLists;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.web.Json;
import cn.siyiban.core.web.SessionGuard;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The county admin's catalogue governance API under {@code /api/governance/}: matters with their
 * idle flag and status, suspension and reactivation, the removed proofs and the minimal lists.
 * Every change is audit-logged in the transaction that makes it.
 */
public final class GovernanceRoutes {

    private final IdleMatters idle;
    private final MatterStatusStore statuses;
    private final MatterSuspensions suspensions;
    private final GovernanceStore governance;
    private final CatalogueStore catalogue;
    private final AuditLog audit;
    private final CountyClock clock;
    private final ObjectMapper mapper;

    public GovernanceRoutes(IdleMatters idle, MatterStatusStore statuses, MatterSuspensions suspensions,
                            GovernanceStore governance, CatalogueStore catalogue, AuditLog audit, CountyClock clock,
                            ObjectMapper mapper) {
        this.idle = idle;
        this.statuses = statuses;
        this.suspensions = suspensions;
        this.governance = governance;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
        this.mapper = mapper;
    }

    /**
     * One matter of the governance list.
     *
     * @param status the latest suspension or reactivation, null when none was ever decided
     */
    public record MatterItem(String code, String name, String department, LocalDateTime lastApplication,
                             LocalDateTime activeSince, boolean idle, boolean suspended, MatterStatusChange status) {
    }

    /** Body of a suspension or reactivation. */
    public record DecisionInput(String reason) {
    }

    /** Body of a removed proof; a blank {@code matterCode} removes it for every matter. */
    public record ProofInput(String matterCode, String name, String basis) {
    }

    /** Body of the minimal lists of a matter, one item per element. */
    public record MinimalInput(List<String> materials, List<String> steps) {
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/governance/matters", this::matters);
        routes.get("/api/governance/matters/{code}/history", ctx -> {
            admin(ctx);
            ctx.json(statuses.history(ctx.pathParam("code")));
        });
        routes.post("/api/governance/matters/{code}/suspend", ctx -> {
            Staff staff = admin(ctx);
            DecisionInput input = Json.read(ctx, mapper, DecisionInput.class);
            ctx.json(suspensions.suspend(ctx.pathParam("code"), input.reason(), staff.username()));
        });
        routes.post("/api/governance/matters/{code}/reactivate", ctx -> {
            Staff staff = admin(ctx);
            DecisionInput input = Json.read(ctx, mapper, DecisionInput.class);
            ctx.json(suspensions.reactivate(ctx.pathParam("code"), input.reason(), staff.username()));
        });
        routes.get("/api/governance/matters/{code}/minimal", ctx -> {
            admin(ctx);
            ctx.json(governance.minimalLists(matter(ctx.pathParam("code")).code())
                    .orElse(new MinimalLists(ctx.pathParam("code"), List.of(), List.of(), null, null)));
        });
        routes.put("/api/governance/matters/{code}/minimal", this::putMinimal);
        routes.get("/api/governance/cancelled-proofs", ctx -> {
            admin(ctx);
            ctx.json(governance.allCancelledProofs());
        });
        routes.post("/api/governance/cancelled-proofs", this::addProof);
        routes.delete("/api/governance/cancelled-proofs/{id}", this::deleteProof);
    }

    private void matters(Context ctx) {
        admin(ctx);
        Map<String, MatterStatusChange> latest = statuses.latestOfAll();
        List<MatterItem> items = new ArrayList<>();
        for (IdleMatters.Activity activity : idle.activities()) {
            Matter matter = activity.matter();
            MatterStatusChange status = latest.get(matter.code());
            items.add(new MatterItem(matter.code(), matter.name(), matter.department(), activity.lastApplication(),
                    activity.activeSince(), activity.idle(), status != null && status.suspended(), status));
        }
        ctx.json(items);
    }

    private void putMinimal(Context ctx) {
        Staff staff = admin(ctx);
        Matter matter = matter(ctx.pathParam("code"));
        MinimalInput input = Json.read(ctx, mapper, MinimalInput.class);
        MinimalLists lists = new MinimalLists(matter.code(), items(input.materials(), "materials"),
                items(input.steps(), "steps"), staff.username(), clock.now());
        governance.database().inTransaction(connection -> {
            GovernanceStore.putMinimalLists(connection, lists);
            audit.record(connection, staff.username(), "matter_minimal_lists", null, matter.code(),
                    "最少材料" + lists.materials().size() + "项，最少环节" + lists.steps().size() + "个");
            return null;
        });
        ctx.json(lists);
    }

    private void addProof(Context ctx) {
        Staff staff = admin(ctx);
        ProofInput input = Json.read(ctx, mapper, ProofInput.class);
        if (input.name() == null || input.name().isBlank()) {
            throw DomainException.invalid("missing_name", "请填写已取消的证明名称", "name");
        }
        if (input.name().strip().length() > 200 || (input.basis() != null && input.basis().strip().length() > 500)) {
            throw DomainException.invalid("field_too_long", "证明名称不能超过200个字符，取消依据不能超过500个字符", "name");
        }
        String matterCode = input.matterCode() == null || input.matterCode().isBlank() ? null
                : matter(input.matterCode().strip()).code();
        String basis = input.basis() == null || input.basis().isBlank() ? null : input.basis().strip();
        CancelledProof proof = new CancelledProof(UUID.randomUUID().toString(), matterCode, input.name().strip(),
                basis, staff.username(), clock.now());
        governance.database().inTransaction(connection -> {
            GovernanceStore.insertProof(connection, proof);
            audit.record(connection, staff.username(), "cancelled_proof_add", null,
                    matterCode == null ? "全部事项" : matterCode, "取消证明：" + proof.name());
            return null;
        });
        ctx.status(201).json(proof);
    }

    private void deleteProof(Context ctx) {
        Staff staff = admin(ctx);
        String id = ctx.pathParam("id");
        boolean deleted = governance.database().inTransaction(connection -> {
            if (!GovernanceStore.deleteProof(connection, id)) {
                return false;
            }
            audit.record(connection, staff.username(), "cancelled_proof_delete", null, id, "删除已取消证明条目");
            return true;
        });
        if (!deleted) {
            throw DomainException.notFound("proof_not_found", "已取消证明条目“" + id + "”不存在");
        }
        ctx.status(204);
    }

    private Matter matter(String code) {
        return catalogue.find(code).filter(found -> !found.retired()).orElseThrow(() ->
                DomainException.notFound("matter_not_found", "事项“" + code + "”不在本县事项目录中或已停止办理"));
    }

    /** Returns the non-blank items, stripped; rejects a list whose text would not fit its column. */
    private static List<String> items(List<String> values, String field) {
        List<String> items = values == null ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
        if (String.join("\n", items).length() > 4000) {
            throw DomainException.invalid("field_too_long", "清单总长度不能超过4000个字符", field);
        }
        return items;
    }

    private static Staff admin(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        CentralAccess.requireAdmin(staff);
        return staff;
    }
}
