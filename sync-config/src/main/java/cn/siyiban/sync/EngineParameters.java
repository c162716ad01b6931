package cn.siyiban.sync;

import cn.siyiban.core.settings.SettingValues;
import cn.siyiban.core.settings.SettingsException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SymmetricDS parameters that a settings file sets directly (keys prefixed with
 * {@code symmetric.}), applied over the ones {@link EngineProperties} chooses. They let an
 * engineer tune a job or a batch size without a new release, and let tests run the purge jobs
 * every few seconds. Parameters that fix who the engine is or where its data lives cannot be
 * set this way, because a typo there would make a node sync as another point or lose its tables.
 */
public final class EngineParameters {

    private static final Logger log = LoggerFactory.getLogger(EngineParameters.class);
    /** Identity, storage and security parameters that siyiban alone decides. */
    static final Set<String> RESERVED = Set.of("engine.name", "group.id", "external.id", "sync.url",
            "registration.url", "db.driver", "db.url", "db.user", "db.password", "auto.registration",
            "check.software.updates", "send.usage.stats", "staging.dir", "java.io.tmpdir");

    private final Map<String, String> parameters;

    private EngineParameters(Map<String, String> parameters) {
        this.parameters = Map.copyOf(parameters);
    }

    /** Returns the parameters of a settings file that sets none. */
    public static EngineParameters none() {
        return new EngineParameters(Map.of());
    }

    /**
     * Returns the given parameters after checking them.
     *
     * @throws IllegalArgumentException naming the first reserved or blank parameter
     */
    public static EngineParameters of(Map<String, String> parameters) {
        for (Map.Entry<String, String> entry : parameters.entrySet()) {
            if (RESERVED.contains(entry.getKey())) {
                throw new IllegalArgumentException("SymmetricDS parameter " + entry.getKey()
                        + " is set by siyiban itself and cannot be overridden");
            }
            if (entry.getValue().isBlank()) {
                throw new IllegalArgumentException("SymmetricDS parameter " + entry.getKey() + " has no value");
            }
        }
        return new EngineParameters(parameters);
    }

    /**
     * Returns the {@code symmetric.} parameters of a node's or central's settings.
     *
     * @throws SettingsException with a Chinese message naming the first reserved or blank parameter
     */
    public static EngineParameters fromSettings(SettingValues values) {
        try {
            return of(values.withPrefix(SettingValues.ENGINE_PREFIX));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("设置文件中的 SymmetricDS 参数不可用，请删除或改正该行 / invalid SymmetricDS parameter: "
                    + e.getMessage());
        }
    }

    public Map<String, String> asMap() {
        return parameters;
    }

    /** Sets each parameter in {@code engine}, logging what it replaces. */
    public void applyTo(Properties engine) {
        parameters.forEach((name, value) -> {
            log.info("SymmetricDS parameter {} set to {} by the settings file (siyiban's value: {})", name, value,
                    engine.getProperty(name, "SymmetricDS default"));
            engine.setProperty(name, value);
        });
    }
}
