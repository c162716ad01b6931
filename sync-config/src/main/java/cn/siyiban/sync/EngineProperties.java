package cn.siyiban.sync;

import java.nio.file.Path;
import java.util.Properties;

/**
 * SymmetricDS engine properties for node and central. Key names are those of
 * {@code symmetric-default.properties} in symmetric-core 3.15.22; every value that differs from
 * SymmetricDS's default has a comment with the reason.
 */
public final class EngineProperties {

    /** Engine name of central; also the last path segment of its sync URL. */
    public static final String CENTRAL_ENGINE = "central";

    private EngineProperties() {
    }

    /**
     * Builds the properties common to both sides.
     *
     * @param dataDir folder of the engine's staging and temporary files
     * @param jdbcUrl the application's own database, which SymmetricDS shares
     * @param registrationUrl blank on central (the registration server), central's sync URL on a node
     */
    public static Properties common(String engineName, String nodeGroup, String externalId, String syncUrl,
                                    String registrationUrl, Path dataDir, String jdbcUrl, String jdbcDriver,
                                    String dbUser, String dbPassword, SyncTimings timings) {
        Properties p = new Properties();
        p.setProperty("engine.name", engineName);
        p.setProperty("group.id", nodeGroup);
        p.setProperty("external.id", externalId);
        p.setProperty("sync.url", syncUrl);
        p.setProperty("registration.url", registrationUrl);

        p.setProperty("db.driver", jdbcDriver);
        p.setProperty("db.url", jdbcUrl);
        // Derby makes the user name the default schema; APP is also the schema the application uses.
        p.setProperty("db.user", dbUser);
        p.setProperty("db.password", dbPassword);

        p.setProperty("java.io.tmpdir", dataDir.resolve("tmp").toString());
        p.setProperty("staging.dir", dataDir.resolve("staging").toString());

        // The engine must never call out of the county network.
        p.setProperty("check.software.updates", "false");
        p.setProperty("send.usage.stats", "false");

        // Jobs start after a random delay of up to this long (default 10 s), which would hold
        // back the first push after a start.
        p.setProperty("job.random.max.start.time.ms", "500");
        p.setProperty("job.push.period.time.ms", Long.toString(timings.pushMillis()));
        p.setProperty("job.pull.period.time.ms", Long.toString(timings.pullMillis()));
        p.setProperty("job.routing.period.time.ms", Long.toString(timings.routingMillis()));
        p.setProperty("job.heartbeat.period.time.ms", Long.toString(timings.heartbeatMillis()));

        // After 60 days without a heartbeat (the default) SymmetricDS's offline listener disables
        // a node and marks its unsent batches as sent, which would drop cases of a village whose
        // mini PC was switched off for a long holiday. Central's monitor reports offline nodes
        // instead, and an admin decides.
        p.setProperty("offline.node.detection.period.minutes", "-1");

        // siyiban applies its schema scripts at start, so a release that adds a column must have
        // its capture triggers rebuilt at that start too. SymmetricDS 3.15.22 skips the trigger
        // check at startup by default and would keep capturing the old columns until its nightly
        // sync-triggers job. Unchanged triggers are only compared, not rebuilt.
        p.setProperty("auto.sync.triggers.at.startup", "true");

        // Each heartbeat also records the engine's unsent and failed batch counts in its own
        // sym_node row, which reaches central, so central's monitor sees a node's backlog
        // towards central before the node has pushed it.
        p.setProperty("heartbeat.update.node.with.batch.status", "true");

        // The purge jobs delete only batches already acknowledged (status OK) and older than
        // this retention, so batches not yet sent stay however long a node is offline. The one
        // exception in symmetric-core 3.15.22 is a node disabled at central. The outgoing purge
        // marks that node's unsent batches OK, which is why enabling a node again queues a reload.
        // A week instead of the default 2 hours lets a technician trace last week's batches in
        // the sync monitor, at the cost of keeping a copy of each row sent that week in sym_data.
        p.setProperty("purge.retention.minutes", Integer.toString(7 * 24 * 60));
        // Without the extract job (see node and central below), each table of an initial load is
        // queued as one sym_data row that already belongs to its batch. The router never reads
        // such a row, so its id stays a data gap until the gap expires. The outgoing purge (every
        // 4 hours) then deletes the rows of expired gaps, after capturing again any that belong to
        // a table row. With at most this many expired gaps (default 100) it deletes the rows of
        // every one, load rows included, so a load that waited for its node across a purge
        // arrived empty. A village that lost its link after registering received no staff
        // accounts, and the cases it took in before registering never reached central
        // (LoadAcrossPurgeIT). With 0 the purge looks only at gaps within the ids of captured
        // rows that no batch holds, which load rows never are.
        p.setProperty("job.purge.max.data.gaps.read", "0");
        return p;
    }

    /** Adds the settings of a node on a small mini PC: few threads, no inbound port. */
    public static Properties node(Properties common) {
        Properties p = new Properties();
        p.putAll(common);
        // A node talks to one server; SymmetricDS's defaults size pools for hubs.
        p.setProperty("push.thread.per.server.count", "1");
        p.setProperty("pull.thread.per.server.count", "1");
        p.setProperty("http.concurrent.workers.max", "2");
        // Each node pulls on a period of its own, so nodes that a stall of central put in step
        // do not stay in step (PullPeriodSpread).
        long pullMillis = Long.parseLong(common.getProperty("job.pull.period.time.ms"));
        p.setProperty("job.pull.period.time.ms",
                Long.toString(PullPeriodSpread.forNode(pullMillis, common.getProperty("external.id"))));
        p.setProperty("db.pool.initial.size", "1");
        p.setProperty("db.pool.min.idle", "1");
        p.setProperty("db.pool.max.idle", "3");
        p.setProperty("db.pool.max.active", "10");
        // Retry registration every few seconds while the technician waits, not every 30 s.
        p.setProperty("registration.max.time.between.retries", "5");
        // At its first registration a node sends a reverse initial load with the cases it took in
        // before it had capture triggers. In SymmetricDS 3.15.22's extract job that load failed
        // with a NullPointerException in MultiBatchStagingWriter.checkSendChildRequests. It was
        // retried every 10 s and never reached central. Without the extract job the load is queued as
        // ordinary reload events, which the push job sends.
        // NOTE: the cause is not pinned down; the node config has one default router to central
        // per node group for each case table, which makes SymmetricDS plan a child request.
        p.setProperty("initial.load.use.extract.job.enabled", "false");
        // The registration batch carries central's sym_job rows, and SymmetricDS 3.15.22 restarts
        // the job manager when it loads them, which cancels running jobs with an interrupt
        // (JobManager.init in symmetric-client). Derby closes the connection of an interrupted
        // thread (08000), so a routing run, a push or the trigger installation of that moment
        // fails. In the capacity simulator 1 or 2 of 50 new nodes were left without the trigger
        // history of sym_node_security. They logged "Error while queuing initial loads" every
        // 10 s and had not queued their reverse initial load when the run ended. Those runs had 1
        // and 2 cases that central never acknowledged, which fits cases of these nodes, though
        // that was not checked.
        // SymmetricDS installs missing triggers in its sync-triggers job, by default only at
        // midnight. Run every 5 minutes, it repairs such a node within minutes. On a node whose
        // triggers are complete it only compares them, which took about 0.2 s on an idle
        // village node in the latency benchmark.
        p.setProperty("job.synctriggers.cron", "0 */5 * * * *");
        return p;
    }

    /** Adds the settings of central, the registration server. */
    public static Properties central(Properties common) {
        Properties p = new Properties();
        p.putAll(common);
        // Only a node presenting a one-time token issued by an admin may register.
        p.setProperty("auto.registration", "false");
        // A newly registered node receives the reference data, its own staff and, for a
        // reinstalled node, its own cases back, through an initial load.
        p.setProperty("auto.reload", "true");
        // A node's own cases taken in before its first registration reach central too.
        p.setProperty("auto.reload.reverse", "true");
        // Queue a new node's initial load before its reverse load (SymmetricDS's default is the
        // reverse order), so the node gets one initial load, not two. While the node queues its
        // reverse load, it writes its own sym_node_security row, which symmetric-core 3.15.22
        // sends whole to central. With the reverse load first, that row still carried the
        // initial-load flag from registration, and when it reached central after central had
        // queued the initial load, it set the flag again. Now central captures the cleared row on
        // the config channel one run of its initial load queue job (10 s) before it sends the
        // reverse load request. That request travels on the monitor channel, which the node loads
        // after config, so the node's row is already cleared. InitialLoadOnceIT checks this.
        p.setProperty("initial.load.reverse.first", "false");
        // The extract job tracks each initial load in sym_extract_request. While several nodes
        // load at once, SymmetricDS's own updates of those rows deadlock in Derby, and each
        // deadlock holds a pull or an acknowledgement for Derby's 20 s deadlock timeout. In the
        // capacity simulator, 60 nodes registering 8 at a time met 160 deadlocks and took 924 s
        // with the job, and 2 deadlocks and 255 s without it (docs/benchmarks.md). Without the
        // job, central extracts a node's load when the node pulls, as nodes do for their reverse
        // load. A node's load is its own cases and staff plus the reference data.
        // NOTE: a reinstalled township with many cases then gets each table in one batch, which
        // has not been measured.
        p.setProperty("initial.load.use.extract.job.enabled", "false");
        // Without the extract job, symmetric-core 3.15.22 queues each table of a node's initial
        // load as one sym_data row with no channel, already routed to its batch. The router
        // selects rows by channel, so it never reads these ids, and its gap detector keeps each as
        // an open gap until the gap expires. Every routing run (each second) queries sym_data once
        // per 100 open gaps and channel, with one OR'd range per gap, which Derby runs by
        // scanning the table. With 50 nodes just registered, 1,000 such gaps took central's CPU in
        // the capacity simulator to 83% of one core, against 36% with gaps expiring after 2
        // minutes instead of the default 20 (docs/benchmarks.md). A gap also covers an id whose
        // transaction has not committed yet, so the expiry must exceed central's longest
        // capturing transaction, which is a load of one pushed batch (seconds). A row committed
        // later still reaches its nodes, hours later: the outgoing purge reads it again from its
        // table (job.purge.recapture.stranded.data, on by default).
        p.setProperty("routing.stale.dataid.gap.time.ms", "120000");
        // By default SymmetricDS locks a node out after 5 wrong security tokens, and keeps
        // refusing its right token until an admin resets the count. Node ids are point codes,
        // which are public, so anyone on the county network could stop a village's sync with
        // five requests. A node's token is a random value that guessing cannot find, so the
        // lockout protects nothing here; 0 still records the failed logins.
        p.setProperty("node.password.failed.attempts", "0");
        // SymmetricDS serves at most this many push and pull requests at a time and rejects the
        // rest as busy, which the node counts as a failed pull or push. In the capacity simulator
        // (ops/bench/capacity) on a shared 2-core machine, 50 nodes pulling every 2 s had 719 and
        // 79 failed pulls in 2 minutes with the default of 20, and none in two runs with 60.
        // NOTE: with 60, 248 simulated nodes on the same 2 cores as central still had 431 and 532
        // of about 22,000 pulls in 3 minutes rejected as busy. In the second run they came in
        // bursts while the simulator paused for garbage collection. Central on a machine of its
        // own is not measured.
        p.setProperty("http.concurrent.workers.max", "60");
        p.setProperty("db.pool.initial.size", "2");
        // Twice the workers plus 10, as symmetric-default.properties (3.15.22) recommends. With 40,
        // central's sync broke down at about 220 simulated nodes. SymmetricDS's NodeCache queries
        // the database under its lock, so the heartbeat job waited for a connection while holding
        // the lock. Threads that held connections, for loading pushed batches or routing, waited
        // for the lock. Each such deadlock lasted until the pool's 30 s timeout. With 130, 248 nodes ran
        // without a pool timeout (docs/benchmarks.md). PostgreSQL then needs max_connections of at
        // least 150, counting the application's own pool.
        p.setProperty("db.pool.max.active", "130");
        return p;
    }

    /** Returns central's sync URL for a base URL such as {@code http://county:8080}. */
    public static String centralSyncUrl(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + "/sync/" + CENTRAL_ENGINE;
    }
}
