package cn.siyiban.central.governance;

import cn.siyiban.central.audit.AuditLog;
import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.governance.MatterStatusChange;
import cn.siyiban.core.governance.MatterStatusStore;
import cn.siyiban.core.time.CountyClock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Suspends and reactivates matters on an admin's decision. Each decision is a new row of
 * {@code sy_matter_status}, written with its audit entry in one transaction; SymmetricDS sends it
 * to every node, where intake then rejects a suspended matter. A reactivation is an approval, so
 * it needs the approver (the signed-in admin) and a reason.
 */
public final class MatterSuspensions {

    private static final Logger log = LoggerFactory.getLogger(MatterSuspensions.class);
    /** Maximum characters of a reason, the size of the column. */
    static final int MAX_REASON = 500;

    private final MatterStatusStore statuses;
    private final CatalogueStore catalogue;
    private final AuditLog audit;
    private final CountyClock clock;

    public MatterSuspensions(MatterStatusStore statuses, CatalogueStore catalogue, AuditLog audit, CountyClock clock) {
        this.statuses = statuses;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    public MatterStatusChange suspend(String matterCode, String reason, String admin) {
        return decide(matterCode, true, reason, admin);
    }

    public MatterStatusChange reactivate(String matterCode, String reason, String approver) {
        return decide(matterCode, false, reason, approver);
    }

    private MatterStatusChange decide(String matterCode, boolean suspend, String reason, String actor) {
        Matter matter = catalogue.find(matterCode).filter(found -> !found.retired()).orElseThrow(() ->
                DomainException.notFound("matter_not_found", "事项“" + matterCode + "”不在本县事项目录中或已停止办理"));
        String checkedReason = checkReason(reason, suspend);
        MatterStatusChange change = new MatterStatusChange(UUID.randomUUID().toString(), matter.code(), suspend,
                checkedReason, actor, clock.now());
        statuses.database().inTransaction(connection -> {
            Optional<MatterStatusChange> latest = MatterStatusStore.latest(connection, matter.code());
            boolean suspended = latest.map(MatterStatusChange::suspended).orElse(false);
            if (suspend && suspended) {
                throw new DomainException(DomainException.Kind.CONFLICT, "matter_already_suspended",
                        "事项“" + matter.name() + "”已处于暂停状态");
            }
            if (!suspend && !suspended) {
                throw new DomainException(DomainException.Kind.CONFLICT, "matter_not_suspended",
                        "事项“" + matter.name() + "”未暂停，无需恢复");
            }
            MatterStatusStore.insert(connection, change);
            audit.record(connection, actor, suspend ? "matter_suspend" : "matter_reactivate", null, matter.code(),
                    (suspend ? "暂停事项：" : "批准恢复事项：") + checkedReason);
            return null;
        });
        log.info("Matter {} {} by {}", matter.code(), suspend ? "suspended" : "reactivated", actor);
        return change;
    }

    private static String checkReason(String reason, boolean suspend) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException(DomainException.Kind.INVALID, "missing_reason",
                    suspend ? "请填写暂停该事项的理由" : "恢复事项须经批准，请填写批准恢复的理由",
                    Map.of("field", "reason"));
        }
        String stripped = reason.strip();
        if (stripped.length() > MAX_REASON) {
            throw DomainException.invalid("field_too_long", "理由不能超过" + MAX_REASON + "个字符", "reason");
        }
        return stripped;
    }
}
