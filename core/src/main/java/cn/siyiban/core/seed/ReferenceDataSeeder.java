package cn.siyiban.core.seed;

import cn.siyiban.core.bundles.BundleSeed;
import cn.siyiban.core.bundles.BundleStore;
import cn.siyiban.core.calendar.CalendarStore;
import cn.siyiban.core.calendar.WorkingDayCalendar;
import cn.siyiban.core.catalogue.CatalogueCsv;
import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.network.Network;
import cn.siyiban.core.network.PointStore;
import cn.siyiban.core.time.CountyClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty database with the reference data shipped in siyiban-core: the network, the
 * seed catalogue as version 1, the shipped bundles (一件事) and the national calendar. Central
 * runs it at its first start.
 * A node runs it too, so that a clerk can take in cases before the first sync; central's
 * copies then replace the node's through sync.
 */
public final class ReferenceDataSeeder {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataSeeder.class);

    private ReferenceDataSeeder() {
    }

    public static void seedIfEmpty(Database database, CountyClock clock) {
        PointStore points = new PointStore(database);
        if (points.count() == 0) {
            points.insertAll(Network.shipped().points());
            log.info("Loaded the shipped network of {} service points", points.count());
        }
        CatalogueStore catalogue = new CatalogueStore(database);
        if (catalogue.currentVersion() == 0) {
            int version = catalogue.publish(CatalogueCsv.seed(), "system", "随软件发布的初始事项目录", clock.now());
            log.info("Published the shipped seed catalogue as version {}", version);
        }
        BundleStore bundles = new BundleStore(database);
        if (bundles.all().isEmpty()) {
            BundleSeed.shipped("system", clock.now()).forEach(bundles::save);
            log.info("Loaded the shipped bundles (一件事)");
        }
        CalendarStore calendar = new CalendarStore(database);
        if (calendar.all().isEmpty()) {
            calendar.insertAll(WorkingDayCalendar.shippedDays());
            log.info("Loaded the shipped holiday calendar");
        }
    }
}
