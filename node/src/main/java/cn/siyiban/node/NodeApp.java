package cn.siyiban.node;

import cn.siyiban.core.bundles.BundleIntakeService;
import cn.siyiban.core.bundles.BundleReader;
import cn.siyiban.core.bundles.BundleStore;
import cn.siyiban.core.bundles.BundleSubmissionStore;
import cn.siyiban.core.calendar.CalendarStore;
import cn.siyiban.core.cases.CaseHistory;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.cases.IntakeService;
import cn.siyiban.core.cases.ProxySteps;
import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.SchemaMigrator;
import cn.siyiban.core.network.PointStore;
import cn.siyiban.core.reminders.ReminderDispatcher;
import cn.siyiban.core.reminders.ReminderKind;
import cn.siyiban.core.reminders.ReminderOutbox;
import cn.siyiban.core.reminders.ReminderPlanner;
import cn.siyiban.core.reminders.ReminderRoutes;
import cn.siyiban.core.reminders.ReminderStore;
import cn.siyiban.core.seed.ReferenceDataSeeder;
import cn.siyiban.core.staff.LoginGuard;
import cn.siyiban.core.staff.StaffStore;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.seed.DemoAccounts;
import cn.siyiban.core.web.LoginRoutes;
import cn.siyiban.core.web.SessionGuard;
import cn.siyiban.node.bundles.BundleRoutes;
import cn.siyiban.node.ratings.ClerkStarRoutes;
import cn.siyiban.node.ratings.RatingRoutes;
import cn.siyiban.core.ratings.RatingFigures;
import cn.siyiban.core.ratings.RatingService;
import cn.siyiban.core.ratings.RatingStore;
import cn.siyiban.node.cases.CaseRoutes;
import cn.siyiban.node.cases.ProxyStepRoutes;
import cn.siyiban.node.cases.SupplementApplier;
import cn.siyiban.node.cases.SupplementRoutes;
import cn.siyiban.core.cases.SupplementService;
import cn.siyiban.node.catalogue.MatterRoutes;
import cn.siyiban.core.governance.GovernanceStore;
import cn.siyiban.core.governance.MatterStatusStore;
import cn.siyiban.core.map.MapRoutes;
import cn.siyiban.core.map.ServiceMapStore;
import cn.siyiban.node.health.HealthRoutes;
import cn.siyiban.node.local.LocalRoutes;
import cn.siyiban.node.local.LocalToken;
import cn.siyiban.node.settings.NodeSettings;
import cn.siyiban.node.status.NodeStatusReporter;
import cn.siyiban.node.sync.NodeSync;
import cn.siyiban.node.sync.SyncRoutes;
import cn.siyiban.core.web.Json;
import cn.siyiban.core.web.Lifecycle;
import cn.siyiban.core.web.CaseNumberCode;
import cn.siyiban.core.web.PageRoutes;
import cn.siyiban.core.web.PointNames;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.siyiban.core.network.Network;
import cn.siyiban.core.network.PointLevel;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.web.Component;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service point node. {@link #create} opens and prepares the database and wires every part;
 * {@link #start} starts the parts in order and {@link #stop} stops them in reverse and closes the
 * database. {@code Main} and the tests build the node the same way.
 */
public final class NodeApp {

    private static final Logger log = LoggerFactory.getLogger(NodeApp.class);
    /** Route path to page file of the clerk UI. */
    private static final Map<String, String> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("/login", "login.html");
        PAGES.put("/", "search.html");
        PAGES.put("/intake", "intake.html");
        PAGES.put("/receipt/{caseNo}", "receipt.html");
        PAGES.put("/bundle-intake", "bundle-intake.html");
        PAGES.put("/bundles/{bundleNo}", "bundle-receipt.html");
        PAGES.put("/cases", "cases.html");
        PAGES.put("/map", "map.html");
        PAGES.put("/cases/{caseNo}", "case.html");
        PAGES.put("/notice/missing/{caseNo}", "missing-notice.html");
        PAGES.put("/supplement", "supplement.html");
        PAGES.put("/forms/proxy/{caseNo}", "printed-form.html");
        PAGES.put("/forms/commitment/{caseNo}", "printed-form.html");
        PAGES.put("/forms/supplement-request/{caseNo}", "printed-form.html");
        PAGES.put("/forms/result/{caseNo}", "printed-form.html");
        PAGES.put("/rate", "rating.html");
        PAGES.put("/clerks", "clerk-stars.html");
        PAGES.put("/reminders", "reminders.html");
    }

    /** Time between two checks for supplements that sync delivered from other points. */
    private static final long SUPPLEMENT_PERIOD_MS = 5_000;
    /** Connections to the embedded database: a node serves a handful of clerks. */
    private static final int MAX_CONNECTIONS = 8;

    private final NodeSettings settings;
    private final Database database;
    private final WebServer web;
    private final ReminderOutbox reminders;
    private final Lifecycle lifecycle;
    private final long createdNanos;

    private NodeApp(NodeSettings settings, Database database, WebServer web, ReminderOutbox reminders,
                    List<Component> components, long createdNanos) {
        this.settings = settings;
        this.createdNanos = createdNanos;
        this.database = database;
        this.web = web;
        this.reminders = reminders;
        this.lifecycle = new Lifecycle(components, database::close);
    }

    /**
     * Opens the Derby database in {@code <data>/db}, applies the schema, loads the shipped
     * reference data into an empty database, creates the demo accounts in demo mode, and builds
     * the unstarted web server.
     */
    public static NodeApp create(NodeSettings settings) {
        long begin = System.nanoTime();
        Database database = Database.openDerby(settings.databaseDir(), MAX_CONNECTIONS);
        try {
            CountyClock clock = CountyClock.system();
            List<String> appliedScripts = SchemaMigrator.core().migrate(database);
            ReferenceDataSeeder.seedIfEmpty(database, clock);
            StaffStore staffStore = new StaffStore(database);
            if (settings.demo()) {
                // Only the clerk of this node's own point: a node never stores another point's staff.
                DemoAccounts.createIfAbsent(staffStore, List.of(demoClerk(settings.pointCode())), clock);
            }
            NodeSync sync = settings.sync().enabled() ? new NodeSync(settings.sync(), settings.pointCode(),
                    pointLevel(settings.pointCode()), settings.syncDir(), Database.derbyUrl(settings.databaseDir()),
                    database) : null;
            ReminderOutbox reminders = reminderOutbox(settings, database, clock);
            WebServer web = new WebServer(settings, Json.mapper(), routes(settings, database, clock, sync, reminders));
            // The web server normally starts first so clerks can work at once. Capture does not
            // wait for the engine: SymmetricDS's triggers live in the database and record every
            // saved case whether or not the engine runs, and cases saved before the first
            // registration reach central through the reverse initial load that central requests
            // at registration. The one exception, a schema upgrade, is handled below.
            SupplementApplier applier = new SupplementApplier(supplements(database, clock, settings.pointCode()),
                    SUPPLEMENT_PERIOD_MS);
            // The status row reaches central with the next push, so one write per heartbeat is enough.
            NodeStatusReporter status = new NodeStatusReporter(database, settings.pointCode(), Version.current(),
                    settings.dataDir(), settings.databaseDir(), clock, settings.sync().timings().heartbeatMillis());
            List<Component> components;
            if (sync == null) {
                components = List.of(web, applier, status, reminders);
            } else if (!appliedScripts.isEmpty() && NodeSync.hasCaptureTriggers(database)) {
                // An upgrade changed the schema of a node that already captures changes. Its
                // triggers still list the old columns until the engine's start rebuilds them, so
                // no clerk may save before that, or the new columns of that save never reach central.
                log.info("Schema scripts {} applied; starting SymmetricDS before the web server to rebuild its triggers",
                        appliedScripts);
                components = List.of(sync, web, applier, status, reminders);
            } else {
                components = List.of(web, sync, applier, status, reminders);
            }
            return new NodeApp(settings, database, web, reminders, components, begin);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static SupplementService supplements(Database database, CountyClock clock, String point) {
        CaseStore cases = new CaseStore(database);
        return new SupplementService(cases, new CatalogueStore(database), new CaseHistory(cases, clock, point), clock,
                point);
    }

    /**
     * Builds the outbox of the reminders a node owns: the 容缺 supplement reminders of its own
     * cases, because it stores their materials and applies every supply, also those taken at other
     * points. Central owns the other kinds.
     */
    private static ReminderOutbox reminderOutbox(NodeSettings settings, Database database, CountyClock clock) {
        ReminderStore store = new ReminderStore(database);
        ReminderPlanner planner = new ReminderPlanner(new CaseStore(database), new CatalogueStore(database), store,
                new PointNames(new PointStore(database)), clock, Set.of(ReminderKind.SUPPLEMENT_DUE),
                settings.pointCode());
        return new ReminderOutbox(planner, new ReminderDispatcher(store, settings.reminders().newSender(), clock),
                settings.reminders());
    }

    private static PointLevel pointLevel(String point) {
        return Network.shipped().find(point).map(p -> p.level()).orElse(PointLevel.VILLAGE);
    }

    private static Staff demoClerk(String point) {
        boolean village = Network.shipped().find(point).map(p -> p.level() == PointLevel.VILLAGE).orElse(false);
        return village ? DemoAccounts.villageClerk(point) : DemoAccounts.townshipClerk(point);
    }

    private static java.util.function.Consumer<io.javalin.config.RoutesConfig> routes(
            NodeSettings settings, Database database, CountyClock clock, NodeSync sync, ReminderOutbox reminders) {
        ObjectMapper mapper = Json.mapper();
        StaffStore staffStore = new StaffStore(database);
        CaseStore cases = new CaseStore(database);
        CatalogueStore catalogue = new CatalogueStore(database);
        PointNames pointNames = new PointNames(new PointStore(database));
        String point = settings.pointCode();
        IntakeService intake = new IntakeService(cases, catalogue, new CalendarStore(database), clock, point);
        // The local API checks its own token and the caller's address instead of a session.
        SessionGuard guard = new SessionGuard(staffStore, Set.of("/local/"));
        LoginRoutes login = new LoginRoutes(staffStore, new LoginGuard(database, clock), pointNames, mapper, point,
                settings.sessionTimeoutMinutes());
        CaseRoutes caseRoutes = new CaseRoutes(intake, cases, new CaseHistory(cases, clock, point), staffStore,
                pointNames, clock, mapper);
        ProxyStepRoutes proxySteps = new ProxyStepRoutes(new ProxySteps(cases, new CaseHistory(cases, clock, point)),
                cases, staffStore, pointNames, mapper);
        BundleSubmissionStore submissions = new BundleSubmissionStore(database);
        BundleRoutes bundleRoutes = new BundleRoutes(new BundleIntakeService(intake, new BundleStore(database),
                catalogue, submissions, clock), new BundleStore(database), new BundleReader(submissions, cases), cases,
                staffStore, pointNames, mapper);
        RatingStore ratings = new RatingStore(database);
        RatingRoutes ratingRoutes = new RatingRoutes(new RatingService(ratings, cases, clock, point), ratings, cases,
                mapper);
        ClerkStarRoutes clerkStars = new ClerkStarRoutes(new RatingFigures(database), staffStore, point);
        HealthRoutes health = new HealthRoutes(cases, pointNames, point, Version.current());
        PageRoutes pages = new PageRoutes("/cn/siyiban/node/web/pages/", PAGES);
        LocalRoutes local = new LocalRoutes(LocalToken.ensure(settings.dataDir()), point, Version.current(),
                settings.dataDir(), database, sync, clock);
        return routes -> {
            routes.before(guard::check);
            health.register(routes);
            login.register(routes);
            new MatterRoutes(catalogue, new GovernanceStore(database), new MatterStatusStore(database)).register(routes);
            new MapRoutes(new ServiceMapStore(database), catalogue, new MatterStatusStore(database)).register(routes);
            caseRoutes.register(routes);
            bundleRoutes.register(routes);
            proxySteps.register(routes);
            ratingRoutes.register(routes);
            clerkStars.register(routes);
            new SupplementRoutes(supplements(database, clock, point), cases, mapper).register(routes);
            new CaseNumberCode().register(routes);
            new SyncRoutes(sync).register(routes);
            local.register(routes);
            // Every account of a node belongs to its point, so each may see and retry its reminders.
            new ReminderRoutes(new ReminderStore(database), reminders, clock, staff -> true, staff -> true)
                    .register(routes);
            pages.register(routes);
        };
    }

    /**
     * Starts every component in order and logs the time since {@link #create} began. On a failure
     * it stops the components already started and rethrows.
     */
    public void start() {
        lifecycle.start();
        log.info("siyiban node {} for point {} started in {} ms, listening on http://{}:{}/", Version.current(),
                settings.pointCode(), (System.nanoTime() - createdNanos) / 1_000_000, settings.host(), port());
    }

    /** Stops the started components in reverse order and closes the database; safe to call twice. */
    public void stop() {
        boolean wasStarted = lifecycle.stop();
        if (wasStarted) {
            log.info("siyiban node for point {} stopped", settings.pointCode());
        }
    }

    /** Returns the port the web server listens on, useful when the settings asked for port 0. */
    public int port() {
        return web.port();
    }

    /** Returns the node's database, for the sync engine and for tests that prepare data. */
    public Database database() {
        return database;
    }

    /** Returns the reminder outbox, which tests run at once instead of waiting for its period. */
    public ReminderOutbox reminders() {
        return reminders;
    }

    public NodeSettings settings() {
        return settings;
    }
}
