package cn.siyiban.central.sync;

import cn.siyiban.core.network.PointStore;
import cn.siyiban.core.network.ServicePoint;
import cn.siyiban.core.time.CountyClock;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.function.Supplier;
import org.jumpmind.symmetric.ISymmetricEngine;
import org.jumpmind.symmetric.model.Node;
import org.jumpmind.symmetric.model.NodeSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a machine may register as a point. SymmetricDS runs with auto-registration
 * off, so it registers only nodes whose registration is open; this gate opens it for a request
 * that carries a valid one-time token issued for exactly that point:
 * <ul>
 *   <li>a {@link TokenPurpose#REGISTER} token admits a point that has never registered;</li>
 *   <li>a {@link TokenPurpose#REINSTALL} token admits a fresh machine for a registered point. The
 *       batches central loaded from the old machine are forgotten, because the new database numbers
 *       its batches from 1 again and SymmetricDS would otherwise skip them as duplicates and lose
 *       the rows; and an initial load sends the point its reference data and its own cases back.</li>
 * </ul>
 * Any other machine claiming a registered point, such as a cloned mini PC image, is refused.
 */
public final class RegistrationGate {

    private static final Logger log = LoggerFactory.getLogger(RegistrationGate.class);

    private final RegistrationTokenStore tokens;
    private final PointStore points;
    private final Supplier<ISymmetricEngine> engine;
    private final CountyClock clock;

    public RegistrationGate(RegistrationTokenStore tokens, PointStore points, Supplier<ISymmetricEngine> engine,
                            CountyClock clock) {
        this.tokens = tokens;
        this.points = points;
        this.engine = engine;
        this.clock = clock;
    }

    /** Builds the gate once the engine's supplier exists. */
    @FunctionalInterface
    public interface Factory {
        RegistrationGate create(Supplier<ISymmetricEngine> engine);
    }

    /** Returns why a registration would be refused, without using the token; empty if it would be admitted. */
    public Optional<RegistrationRefusal> check(String point, String nodeGroup, String token) {
        ISymmetricEngine current = engine.get();
        if (current != null && current.getRegistrationService().isRegistrationOpen(nodeGroup, point)) {
            return Optional.empty();
        }
        Optional<ServicePoint> known = points.find(point);
        if (known.isEmpty() || !known.get().level().nodeGroup().equals(nodeGroup) || "central".equals(nodeGroup)) {
            return Optional.of(RegistrationRefusal.UNKNOWN_POINT);
        }
        if (token == null || token.isBlank()) {
            return Optional.of(RegistrationRefusal.MISSING_TOKEN);
        }
        Optional<RegistrationToken> found = tokens.find(token);
        if (found.isEmpty() || !found.get().pointCode().equals(point)) {
            return Optional.of(RegistrationRefusal.INVALID_TOKEN);
        }
        RegistrationToken issued = found.get();
        LocalDateTime now = clock.now();
        if (issued.revokedAt() != null) {
            return Optional.of(RegistrationRefusal.TOKEN_REVOKED);
        }
        if (issued.usedAt() != null) {
            return Optional.of(RegistrationRefusal.TOKEN_USED);
        }
        if (!issued.expiresAt().isAfter(now)) {
            return Optional.of(RegistrationRefusal.TOKEN_EXPIRED);
        }
        if (isRegistered(current, point) && issued.purpose() != TokenPurpose.REINSTALL) {
            return Optional.of(RegistrationRefusal.POINT_REGISTERED);
        }
        return Optional.empty();
    }

    /**
     * Checks a registration request and, if it is admitted, uses the token and opens the
     * registration in SymmetricDS. A refusal is logged and recorded for the county admins.
     */
    public Optional<RegistrationRefusal> admit(String point, String nodeGroup, String token, String remoteHost) {
        ISymmetricEngine current = engine.get();
        if (current == null) {
            return Optional.empty();
        }
        if (current.getRegistrationService().isRegistrationOpen(nodeGroup, point)) {
            // A retry of a registration already admitted, e.g. after its acknowledgement was lost.
            return Optional.empty();
        }
        Optional<RegistrationRefusal> refusal = check(point, nodeGroup, token);
        if (refusal.isEmpty() && !tokens.markUsed(token, remoteHost, clock.now())) {
            refusal = Optional.of(RegistrationRefusal.TOKEN_USED);
        }
        if (refusal.isPresent()) {
            log.warn("Refused registration of point {} (group {}) from {}: {}", point, nodeGroup, remoteHost,
                    refusal.get().code());
            tokens.recordRefusal(point, nodeGroup, refusal.get().code(), remoteHost, clock.now());
            return refusal;
        }
        try {
            open(current, point, nodeGroup, remoteHost);
        } catch (RuntimeException e) {
            // The token is marked used before the registration opens, so that two machines
            // cannot both be admitted with it. If SymmetricDS could not open the registration,
            // for example after a lock timeout, the token is handed back for the node's retry.
            tokens.release(token);
            log.warn("Opening the registration of point {} (group {}) from {} failed; its token can be used again",
                    point, nodeGroup, remoteHost, e);
            throw e;
        }
        return Optional.empty();
    }

    private static void open(ISymmetricEngine current, String point, String nodeGroup, String remoteHost) {
        if (isRegistered(current, point)) {
            String nodeId = current.getNodeService().findNodeByExternalId(nodeGroup, point).getNodeId();
            current.getIncomingBatchService().removingIncomingBatches(nodeId);
            current.getRegistrationService().reOpenRegistration(nodeId);
            current.getNodeService().setInitialLoadEnabled(nodeId, true, false, -1, "siyiban-reinstall");
            log.info("Reopened registration of point {} (node {}) from {} for a reinstalled machine",
                    point, nodeId, remoteHost);
        } else {
            current.getRegistrationService().openRegistration(nodeGroup, point);
            log.info("Opened registration of point {} (group {}) from {} with a one-time token",
                    point, nodeGroup, remoteHost);
        }
    }

    private static boolean isRegistered(ISymmetricEngine engine, String point) {
        if (engine == null) {
            return false;
        }
        for (String group : new String[] {"village", "township"}) {
            Node node = engine.getNodeService().findNodeByExternalId(group, point);
            if (node != null) {
                NodeSecurity security = engine.getNodeService().findNodeSecurity(node.getNodeId());
                if (security != null && security.getRegistrationTime() != null) {
                    return true;
                }
            }
        }
        return false;
    }
}
