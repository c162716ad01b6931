package cn.siyiban.node.sync;

import cn.siyiban.sync.EngineParameters;
import cn.siyiban.sync.SyncTimings;

/**
 * The node's connection to central.
 *
 * @param centralUrl base URL of central, such as {@code http://10.1.1.10:8080}; null for a
 *                   standalone node that never syncs (a demo without central)
 * @param registrationToken the one-time token a county admin issued for this point; needed only
 *                          until the node has registered
 * @param engineParameters SymmetricDS parameters the settings file sets directly
 */
public record SyncSettings(String centralUrl, String registrationToken, SyncTimings timings,
                           EngineParameters engineParameters) {

    public boolean enabled() {
        return centralUrl != null && !centralUrl.isBlank();
    }
}
