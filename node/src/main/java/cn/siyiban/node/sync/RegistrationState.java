package cn.siyiban.node.sync;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jumpmind.symmetric.ext.INodeRegistrationListener;
import org.jumpmind.symmetric.web.WebConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the admin's one-time registration token to the node's registration request, which
 * SymmetricDS posts as form parameters, and remembers the last registration problem so that the
 * clerk and the technician see it. Each distinct failure is logged once, not at every retry.
 */
final class RegistrationState implements INodeRegistrationListener {

    private static final Logger log = LoggerFactory.getLogger(RegistrationState.class);

    private final String point;
    private final String token;
    private final AtomicReference<String> lastFailure = new AtomicReference<>();

    RegistrationState(String point, String token) {
        this.point = point;
        this.token = token;
    }

    /** Returns the last failure SymmetricDS reported, or null once registered. */
    String lastFailure() {
        return lastFailure.get();
    }

    @Override
    public Map<String, String> getRequestProperties() {
        if (token == null || token.isBlank()) {
            return Map.of();
        }
        return Map.of(WebConstants.REG_USER_ID, point, WebConstants.REG_PASSWORD, token);
    }

    @Override
    public void registrationFailed(String message) {
        String previous = lastFailure.getAndSet(message);
        if (!message.equals(previous)) {
            log.warn("Registration of point {} with central failed: {}; retrying", point, message);
        }
    }

    @Override
    public void registrationSuccessful() {
        lastFailure.set(null);
        log.info("Registered point {} with central", point);
    }

    @Override
    public void registrationUrlUpdated(String url) {
    }

    @Override
    public void registrationNextAttemptUpdated(int seconds) {
    }

    @Override
    public void registrationStarting(Thread thread) {
    }

    @Override
    public void registrationSyncTriggers() {
    }
}
