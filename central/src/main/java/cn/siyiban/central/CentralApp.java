package cn.siyiban.central;

import cn.siyiban.central.audit.AuditLog;
import cn.siyiban.central.bundles.BundleAdminRoutes;
import cn.siyiban.central.bundles.BundleLookupRoutes;
import cn.siyiban.central.calendar.CalendarRoutes;
import cn.siyiban.central.catalogue.CataloguePublisher;
import cn.siyiban.central.catalogue.CatalogueRoutes;
import cn.siyiban.central.catalogue.MatterRoutes;
import cn.siyiban.central.health.HealthRoutes;
import cn.siyiban.central.monitor.NodeDetailReader;
import cn.siyiban.central.monitor.SyncActions;
import cn.siyiban.central.monitor.SyncAlerts;
import cn.siyiban.central.monitor.SyncMetrics;
import cn.siyiban.central.monitor.SyncNodeReader;
import cn.siyiban.central.monitor.SyncNodeRoutes;
import cn.siyiban.central.monitor.SyncSampler;
import cn.siyiban.central.governance.GovernanceRoutes;
import cn.siyiban.central.governance.MatterSuspensions;
import cn.siyiban.central.network.MapAdminRoutes;
import cn.siyiban.central.network.NetworkRoutes;
import cn.siyiban.central.statistics.CountyStatistics;
import cn.siyiban.central.statistics.StatisticsRoutes;
import cn.siyiban.core.governance.GovernanceStore;
import cn.siyiban.core.governance.IdleMatters;
import cn.siyiban.core.governance.MatterStatusStore;
import cn.siyiban.core.map.MapRoutes;
import cn.siyiban.core.map.ServiceMapStore;
import cn.siyiban.central.network.PointRoutes;
import cn.siyiban.central.registration.RegistrationRoutes;
import cn.siyiban.central.ratings.RatingAdminRoutes;
import cn.siyiban.central.ratings.RatingReport;
import cn.siyiban.central.ratings.Rectifications;
import cn.siyiban.central.review.CaseArrivals;
import cn.siyiban.central.review.ReviewRoutes;
import cn.siyiban.central.workflows.CommitmentCheckRoutes;
import cn.siyiban.central.workflows.MissingMaterialsRoutes;
import cn.siyiban.central.workflows.BundleShareReport;
import cn.siyiban.central.workflows.BundleShareReportRoutes;
import cn.siyiban.central.workflows.ProxyReport;
import cn.siyiban.central.workflows.ProxyReportRoutes;
import cn.siyiban.central.seals.SealUseLog;
import cn.siyiban.central.seals.SealUseRoutes;
import cn.siyiban.central.settings.CentralSettings;
import cn.siyiban.central.settings.DatabaseSettings;
import cn.siyiban.central.staff.StaffRoutes;
import cn.siyiban.central.sync.CentralSync;
import cn.siyiban.central.sync.RegistrationGate;
import cn.siyiban.central.sync.RegistrationTokenStore;
import cn.siyiban.core.bundles.BundleReader;
import cn.siyiban.core.bundles.BundleSubmissionStore;
import cn.siyiban.core.calendar.CalendarStore;
import cn.siyiban.core.cases.CaseHistory;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.cases.CommitmentBlocks;
import cn.siyiban.core.cases.CommitmentChecks;
import cn.siyiban.core.cases.DecisionService;
import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.ratings.RatingStore;
import cn.siyiban.core.db.SchemaMigrator;
import cn.siyiban.core.network.PointStore;
import cn.siyiban.core.reminders.ReminderDispatcher;
import cn.siyiban.core.reminders.ReminderKind;
import cn.siyiban.core.reminders.ReminderOutbox;
import cn.siyiban.core.reminders.ReminderPlanner;
import cn.siyiban.core.reminders.ReminderRoutes;
import cn.siyiban.core.reminders.ReminderStore;
import cn.siyiban.core.seed.DemoAccounts;
import cn.siyiban.core.staff.Role;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.seed.ReferenceDataSeeder;
import cn.siyiban.core.staff.LoginGuard;
import cn.siyiban.core.staff.StaffStore;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.web.Json;
import cn.siyiban.core.web.Lifecycle;
import cn.siyiban.core.web.LoginRoutes;
import cn.siyiban.core.web.PageRoutes;
import cn.siyiban.core.web.PasswordRoutes;
import cn.siyiban.core.web.PointNames;
import cn.siyiban.core.web.SessionGuard;
import cn.siyiban.sync.EngineProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The county server. {@link #create} opens and prepares the database and wires every part;
 * {@link #start} starts the web server and then the SymmetricDS engine, and {@link #stop} stops
 * them in reverse and closes the database. {@code Main} and the tests build central the same way.
 */
public final class CentralApp {

    private static final Logger log = LoggerFactory.getLogger(CentralApp.class);

    /** Division code of 泗阳县政务服务中心: central's point and its SymmetricDS external id. */
    public static final String COUNTY_POINT = "321323000000";
    /** Connections of the application's pool; SymmetricDS opens its own pool on the same database. */
    private static final int MAX_CONNECTIONS = 16;
    /** Route path to page file of the web UI. */
    private static final Map<String, String> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("/login", "login.html");
        PAGES.put("/", "cases.html");
        PAGES.put("/cases/{caseNo}", "case.html");
        PAGES.put("/overdue-supplements", "overdue-supplements.html");
        PAGES.put("/proxy-report", "proxy-report.html");
        PAGES.put("/bundle-report", "bundle-report.html");
        PAGES.put("/bundles", "bundles.html");
        PAGES.put("/calendar", "calendar.html");
        PAGES.put("/registrations", "registrations.html");
        PAGES.put("/sync-status", "sync-status.html");
        PAGES.put("/sync-status/{point}", "sync-node.html");
        PAGES.put("/catalogue", "catalogue.html");
        PAGES.put("/staff", "staff.html");
        PAGES.put("/network", "network.html");
        PAGES.put("/map", "map.html");
        PAGES.put("/statistics", "statistics.html");
        PAGES.put("/governance", "governance.html");
        PAGES.put("/password", "password.html");
        PAGES.put("/ratings", "ratings.html");
        PAGES.put("/ratings/{ratingId}", "rectification.html");
        PAGES.put("/rating-ranking", "rating-ranking.html");
        PAGES.put("/reminders", "reminders.html");
        PAGES.put("/seal-uses", "seal-uses.html");
    }

    private final CentralSettings settings;
    private final Database database;
    private final WebServer web;
    private final CentralSync sync;
    private final ReminderOutbox reminders;
    private final Lifecycle lifecycle;
    private final long createdNanos;

    private CentralApp(CentralSettings settings, Database database, WebServer web, CentralSync sync,
                       SyncSampler sampler, ReminderOutbox reminders, long createdNanos) {
        this.settings = settings;
        this.database = database;
        this.web = web;
        this.sync = sync;
        this.reminders = reminders;
        // The web server comes first so that SymmetricDS's servlet exists when the engine starts;
        // until then the servlet returns 503 and nodes retry.
        // NOTE: after an upgrade that adds a column, a decision saved in the seconds before the
        // engine has rebuilt its triggers reaches the nodes without that column's value. The node
        // avoids this by starting its engine first after a schema change.
        this.lifecycle = new Lifecycle(List.of(web, sync, sampler, reminders), database::close);
        this.createdNanos = createdNanos;
    }

    /**
     * Opens the database (embedded Derby in {@code <data>/db}, or the PostgreSQL server of the
     * settings), applies the core and central schemas, loads
     * the shipped reference data into an empty database, creates the demo accounts in demo mode,
     * and builds the unstarted web server and SymmetricDS engine.
     */
    public static CentralApp create(CentralSettings settings) {
        long begin = System.nanoTime();
        Database database = openDatabase(settings);
        try {
            CountyClock clock = CountyClock.system();
            applySchemas(database);
            ReferenceDataSeeder.seedIfEmpty(database, clock);
            if (settings.demo()) {
                createDemoAccounts(settings, database, clock);
            }
            RegistrationTokenStore tokens = new RegistrationTokenStore(database);
            PointStore points = new PointStore(database);
            CentralSync sync = new CentralSync(engineProperties(settings), database,
                    engine -> new RegistrationGate(tokens, points, engine, clock));
            SyncSampler sampler = new SyncSampler(database, new SyncNodeReader(database, points, settings.monitor()),
                    settings.monitor(), clock);
            ReminderOutbox reminders = reminderOutbox(settings, database, clock);
            WebServer web = new WebServer(settings, Json.mapper(),
                    routes(settings, database, clock, sync, tokens, reminders), sync::mount);
            return new CentralApp(settings, database, web, sync, sampler, reminders, begin);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Applies the pending scripts of the core schema, then those of central's own tables. */
    public static void applySchemas(Database database) {
        SchemaMigrator.core().migrate(database);
        new SchemaMigrator("/cn/siyiban/central/schema/", "sy_central_schema_version").migrate(database);
    }

    /**
     * Builds the outbox of the reminders central owns: result collection and certificate expiry,
     * because central records the department's result and stores every case and the validity of
     * every matter. The nodes own the 容缺 supplement reminders, so no kind has two senders.
     */
    private static ReminderOutbox reminderOutbox(CentralSettings settings, Database database, CountyClock clock) {
        ReminderStore store = new ReminderStore(database);
        ReminderPlanner planner = new ReminderPlanner(new CaseStore(database), new CatalogueStore(database), store,
                new PointNames(new PointStore(database)), clock,
                Set.of(ReminderKind.RESULT_COLLECTION, ReminderKind.CERTIFICATE_EXPIRY), null);
        return new ReminderOutbox(planner, new ReminderDispatcher(store, settings.reminders().newSender(), clock),
                settings.reminders());
    }

    private static Database openDatabase(CentralSettings settings) {
        DatabaseSettings db = settings.database();
        if (db.isEmbedded()) {
            return Database.openDerby(settings.databaseDir(), MAX_CONNECTIONS);
        }
        return Database.openServer(db.url(), db.user(), db.password(), MAX_CONNECTIONS);
    }

    /** Returns the properties of central's SymmetricDS engine for {@code settings}. */
    public static Properties engineProperties(CentralSettings settings) {
        DatabaseSettings db = settings.database();
        // SymmetricDS opens the application's own database with a pool of its own. On Derby the
        // user app makes APP the default schema, the one the application's pool uses. On
        // PostgreSQL both use the configured user, so the search path (normally the user's
        // schema, then public) finds siyiban's tables and SymmetricDS's alike. SymmetricDS 3.15.22
        // needs nothing else there on PostgreSQL 9.2 or newer: its dialect keeps its trigger
        // switches in session variables (set_config) and creates its plpgsql functions itself,
        // which needs the user's right to create objects in that schema. Its DDL capture, which
        // would need a superuser for event triggers, stays off (trigger.capture.ddl.changes).
        String url = db.isEmbedded() ? Database.derbyUrl(settings.databaseDir()) : db.url();
        String driver = db.isEmbedded() ? "org.apache.derby.jdbc.EmbeddedDriver" : "org.postgresql.Driver";
        String user = db.isEmbedded() ? "app" : db.user();
        String password = db.isEmbedded() ? "app" : db.password();
        Properties properties = EngineProperties.central(EngineProperties.common(EngineProperties.CENTRAL_ENGINE,
                "central", COUNTY_POINT, EngineProperties.centralSyncUrl(settings.publicUrl()), "", settings.syncDir(),
                url, driver, user, password, settings.syncTimings()));
        settings.engineParameters().applyTo(properties);
        return properties;
    }

    private static void createDemoAccounts(CentralSettings settings, Database database, CountyClock clock) {
        List<String> departments = new CatalogueStore(database).search("").stream()
                .map(Matter::department)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        DemoAccounts.createIfAbsent(new StaffStore(database), List.of(
                DemoAccounts.villageClerk(settings.demoVillage()),
                DemoAccounts.townshipClerk(settings.demoTownship()),
                DemoAccounts.reviewer(departments),
                DemoAccounts.admin()), clock);
    }

    private static Consumer<RoutesConfig> routes(CentralSettings settings, Database database, CountyClock clock,
                                                 CentralSync sync, RegistrationTokenStore tokens,
                                                 ReminderOutbox reminders) {
        ObjectMapper mapper = Json.mapper();
        StaffStore staffStore = new StaffStore(database);
        CaseStore cases = new CaseStore(database);
        PointStore points = new PointStore(database);
        PointNames pointNames = new PointNames(points);
        // SymmetricDS checks its own node passwords on /sync/, and a node checks whether its
        // token would be admitted before it has any account here.
        // Prometheus scrapes /metrics without a session; SyncNodeRoutes admits loopback only.
        SessionGuard guard = new SessionGuard(staffStore, Set.of("/sync/", "/api/registrations/check", "/metrics"));
        LoginGuard loginGuard = new LoginGuard(database, clock);
        LoginRoutes login = new LoginRoutes(staffStore, loginGuard, pointNames, mapper, COUNTY_POINT,
                settings.sessionTimeoutMinutes());
        DecisionService decisions = new DecisionService(cases, new CaseHistory(cases, clock, COUNTY_POINT));
        SealUseLog seals = new SealUseLog(database, clock);
        ReviewRoutes review = new ReviewRoutes(cases, decisions, staffStore, points, new CaseArrivals(database),
                clock, mapper, seals);
        RegistrationRoutes registrations = new RegistrationRoutes(tokens, points, sync::gate, clock, mapper);
        SyncNodeReader syncReader = new SyncNodeReader(database, points, settings.monitor());
        AuditLog audit = new AuditLog(database, clock);
        SyncNodeRoutes syncNodes = new SyncNodeRoutes(syncReader, new NodeDetailReader(database),
                new SyncAlerts(database, clock), new SyncActions(sync::engine, syncReader, audit),
                new SyncMetrics(syncReader), audit, clock, mapper);
        HealthRoutes health = new HealthRoutes(COUNTY_POINT, Version.current(), sync::engine);
        PageRoutes pages = new PageRoutes("/cn/siyiban/central/web/pages/", PAGES);
        CatalogueStore catalogue = new CatalogueStore(database);
        CataloguePublisher publisher = new CataloguePublisher(catalogue, audit, clock);
        // Every account changes its password here, a node clerk's too: central owns the staff rows
        // and its update replicates to the clerk's node like any other change of the account.
        PasswordRoutes password = new PasswordRoutes(staffStore, loginGuard, clock, mapper, staff -> audit.record(
                staff.username(), "staff_password_change", staff.pointCode(), staff.username(), "本人修改了密码"));
        RatingStore ratings = new RatingStore(database);
        Rectifications rectifications = new Rectifications(ratings, staffStore, new CalendarStore(database), audit,
                clock, settings.rectificationWorkingDays());
        RatingReport ratingReport = new RatingReport(database);
        RatingAdminRoutes ratingRoutes = new RatingAdminRoutes(rectifications, ratings, ratingReport, staffStore,
                pointNames, clock, mapper);
        return routes -> {
            routes.before(guard::check);
            health.register(routes);
            login.register(routes);
            password.register(routes);
            review.register(routes);
            new MissingMaterialsRoutes(cases, new CaseHistory(cases, clock, COUNTY_POINT), staffStore, pointNames,
                    clock, mapper).register(routes);
            new ProxyReportRoutes(new ProxyReport(database, points), clock).register(routes);
            new BundleShareReportRoutes(new BundleShareReport(database), clock).register(routes);
            new BundleLookupRoutes(new BundleReader(new BundleSubmissionStore(database), cases), cases, staffStore,
                    pointNames).register(routes);
            new BundleAdminRoutes(database, catalogue, audit, clock, mapper).register(routes);
            new CommitmentCheckRoutes(new CommitmentChecks(cases, clock), new CommitmentBlocks(database), cases,
                    staffStore, clock, mapper).register(routes);
            registrations.register(routes);
            syncNodes.register(routes);
            new PointRoutes(points).register(routes);
            new CalendarRoutes(new CalendarStore(database), audit, clock, mapper).register(routes);
            new CatalogueRoutes(publisher).register(routes);
            new MatterRoutes(publisher, mapper).register(routes);
            new StaffRoutes(staffStore, points, catalogue, audit, clock, mapper).register(routes);
            new NetworkRoutes(points, syncReader).register(routes);
            ratingRoutes.register(routes);
            new ReminderRoutes(new ReminderStore(database), reminders, clock, CentralApp::isAdmin, CentralApp::isAdmin)
                    .register(routes);
            new SealUseRoutes(seals, mapper).register(routes);
            ServiceMapStore mapStore = new ServiceMapStore(database);
            MatterStatusStore statuses = new MatterStatusStore(database);
            new MapRoutes(mapStore, catalogue, statuses).register(routes);
            new MapAdminRoutes(mapStore, catalogue, audit, clock, mapper).register(routes);
            new GovernanceRoutes(new IdleMatters(database, catalogue, clock), statuses,
                    new MatterSuspensions(statuses, catalogue, audit, clock), new GovernanceStore(database), catalogue,
                    audit, clock, mapper).register(routes);
            new StatisticsRoutes(new CountyStatistics(database, points, new BundleShareReport(database),
                    () -> ratingReport.summary(rectifications.counts(clock.now().toLocalDate())), clock), clock)
                    .register(routes);
            pages.register(routes);
        };
    }

    private static boolean isAdmin(Staff staff) {
        return staff.role() == Role.COUNTY_ADMIN;
    }

    /**
     * Starts every component in order and logs the time since {@link #create} began. On a failure
     * it stops the components already started and rethrows.
     */
    public void start() {
        lifecycle.start();
        log.info("siyiban central {} started in {} ms, listening on http://{}:{}/ (nodes use {})",
                Version.current(), (System.nanoTime() - createdNanos) / 1_000_000, settings.host(), port(),
                EngineProperties.centralSyncUrl(settings.publicUrl()));
    }

    /** Stops the started components in reverse order and closes the database; safe to call twice. */
    public void stop() {
        boolean wasStarted = lifecycle.stop();
        if (wasStarted) {
            log.info("siyiban central stopped");
        }
    }

    /** Returns the port the web server listens on, useful when the settings asked for port 0. */
    public int port() {
        return web.port();
    }

    /** Returns central's database, for tests that prepare data. */
    /** Returns the SymmetricDS side of central: its engine and its registration gate. */
    public CentralSync sync() {
        return sync;
    }

    public Database database() {
        return database;
    }

    /** Returns the reminder outbox, which tests run at once instead of waiting for its period. */
    public ReminderOutbox reminders() {
        return reminders;
    }

    public CentralSettings settings() {
        return settings;
    }
}
