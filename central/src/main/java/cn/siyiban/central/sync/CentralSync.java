package cn.siyiban.central.sync;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.web.Component;
import cn.siyiban.sync.EngineProperties;
import cn.siyiban.sync.SyncConfigScripts;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.jumpmind.symmetric.ISymmetricEngine;
import org.jumpmind.symmetric.web.ServerSymmetricEngine;
import org.jumpmind.symmetric.web.SymmetricEngineHolder;
import org.jumpmind.symmetric.web.SymmetricServlet;
import org.jumpmind.symmetric.web.WebConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Central's SymmetricDS engine, the registration and sync server of every node. Its servlet is
 * mounted at {@code /sync/*} inside the web server's own Jetty, so central has one port. The web
 * server starts first; until this component has started the engine, the servlet answers 503 and
 * nodes retry.
 */
public final class CentralSync implements Component {

    private static final Logger log = LoggerFactory.getLogger(CentralSync.class);

    private final Properties properties;
    private final Database database;
    private final SymmetricEngineHolder holder = new SymmetricEngineHolder();
    private final RegistrationGate gate;
    private volatile ServerSymmetricEngine engine;

    /**
     * @param properties engine properties from {@link EngineProperties#central}
     * @param database central's database, where the versioned sync configuration is recorded
     */
    public CentralSync(Properties properties, Database database, RegistrationGate.Factory gateFactory) {
        this.properties = properties;
        this.database = database;
        // The holder must not look for engine property files on its own.
        holder.setAutoCreate(false);
        this.gate = gateFactory.create(this::engine);
    }

    /** Adds the engine holder, the registration filter and SymmetricDS's servlet to the web server. */
    public void mount(ServletContextHandler handler) {
        handler.setAttribute(WebConstants.ATTR_ENGINE_HOLDER, holder);
        handler.addFilter(new FilterHolder(new RegistrationFilter(gate)), "/sync/*",
                EnumSet.of(DispatcherType.REQUEST));
        handler.addServlet(new ServletHolder("symmetricds", new SymmetricServlet()), "/sync/*");
    }

    @Override
    public String name() {
        return "SymmetricDS server engine";
    }

    /**
     * Creates SymmetricDS's tables, applies siyiban's versioned sync configuration, then starts
     * the engine's jobs.
     */
    @Override
    public void start() {
        long begin = System.nanoTime();
        holder.start();
        ServerSymmetricEngine created = new ServerSymmetricEngine(null, null, properties, false, holder);
        created.setup();
        List<String> applied = SyncConfigScripts.migrator().migrate(database);
        if (!applied.isEmpty()) {
            log.info("Applied sync configuration scripts {}", applied);
            created.clearCaches();
        }
        holder.getEngines().put(created.getEngineName(), created);
        if (!created.start()) {
            throw new IllegalStateException("SymmetricDS engine " + created.getEngineName()
                    + " did not start; see the errors logged above");
        }
        engine = created;
        log.info("SymmetricDS server engine {} started as node {} in {} ms", created.getEngineName(),
                created.getNodeId(), (System.nanoTime() - begin) / 1_000_000);
    }

    @Override
    public void stop() {
        ServerSymmetricEngine current = engine;
        if (current != null) {
            current.stop();
            engine = null;
        }
    }

    /** Returns the running engine, or null before start and after stop. */
    public ISymmetricEngine engine() {
        return engine;
    }

    public RegistrationGate gate() {
        return gate;
    }
}
