package cn.siyiban.core.settings;

/**
 * A setting that is missing or breaks its rule. The message names the key, the value, where the
 * value came from and the rule, in Chinese for the person who starts the server and in English for
 * the technician reading the log.
 */
public final class SettingsException extends RuntimeException {

    public SettingsException(String message) {
        super(message);
    }
}
