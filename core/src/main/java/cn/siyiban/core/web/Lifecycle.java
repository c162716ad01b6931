package cn.siyiban.core.web;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of node or central, started in order and stopped in reverse, with one last
 * action (closing the database) that runs once, after every part has stopped.
 */
public final class Lifecycle {

    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

    private final List<Component> components;
    private final Runnable closeLast;
    private final List<Component> started = new ArrayList<>();
    private boolean closed;

    public Lifecycle(List<Component> components, Runnable closeLast) {
        this.components = List.copyOf(components);
        this.closeLast = closeLast;
    }

    /** Starts every component in order. On a failure it stops the ones already started and rethrows. */
    public void start() {
        for (Component component : components) {
            try {
                component.start();
                started.add(component);
            } catch (RuntimeException e) {
                log.error("Failed to start the {}: {}", component.name(), e.toString());
                stop();
                throw e;
            }
        }
    }

    /**
     * Stops the started components in reverse order, then runs the last action once; safe to
     * call twice. Returns whether any component had been started.
     */
    public synchronized boolean stop() {
        for (int i = started.size() - 1; i >= 0; i--) {
            Component component = started.get(i);
            try {
                component.stop();
            } catch (RuntimeException e) {
                log.warn("Failed to stop the {} cleanly: {}", component.name(), e.toString());
            }
        }
        boolean wasStarted = !started.isEmpty();
        started.clear();
        if (!closed) {
            closed = true;
            closeLast.run();
        }
        return wasStarted;
    }
}
