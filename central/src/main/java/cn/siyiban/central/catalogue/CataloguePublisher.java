package cn.siyiban.central.catalogue;

import cn.siyiban.central.audit.AuditLog;
import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.time.CountyClock;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes catalogue changes at central, one at a time, and writes each publication to the
 * audit log. Every change reads the whole catalogue, changes it and publishes it as a new
 * version, so two admins editing at once must not interleave, or the later publication would
 * undo the earlier one.
 */
public final class CataloguePublisher {

    private static final Logger log = LoggerFactory.getLogger(CataloguePublisher.class);

    private final CatalogueStore catalogue;
    private final AuditLog audit;
    private final CountyClock clock;

    public CataloguePublisher(CatalogueStore catalogue, AuditLog audit, CountyClock clock) {
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    /** The outcome of one change: the version now in force and what changed. */
    public record Publication(int version, boolean published, CatalogueDiff diff) {
    }

    public CatalogueStore store() {
        return catalogue;
    }

    /**
     * Applies {@code change} to every matter in the database (retired ones included) and publishes
     * the result as a new version, unless it changes nothing. {@code change} runs under the
     * publisher's lock and may throw to reject the change.
     */
    public synchronized Publication publish(UnaryOperator<List<Matter>> change, String actor, String note) {
        List<Matter> current = catalogue.all();
        List<Matter> next = change.apply(current);
        CatalogueDiff diff = CatalogueDiff.of(current, next);
        if (diff.empty()) {
            return new Publication(catalogue.currentVersion(), false, diff);
        }
        int version = catalogue.publish(next, actor, note, clock.now());
        audit.record(actor, "catalogue_publish", null, "v" + version, note + "：新增" + diff.added().size()
                + "项，修改" + diff.changed().size() + "项，停用" + diff.retired().size() + "项");
        log.info("Catalogue version {} published by {} ({}): {} added, {} changed, {} retired", version, actor, note,
                diff.added().size(), diff.changed().size(), diff.retired().size());
        return new Publication(version, true, diff);
    }
}
