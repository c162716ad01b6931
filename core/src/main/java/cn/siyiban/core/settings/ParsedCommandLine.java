package cn.siyiban.core.settings;

import java.util.Map;

/**
 * A command line after parsing.
 *
 * @param settings setting key to value, for the options that set a setting
 * @param configFile the file named by {@code --config}, or null
 * @param help whether {@code --help} or {@code -h} was given
 * @param version whether {@code --version} was given
 */
public record ParsedCommandLine(Map<String, String> settings, String configFile, boolean help, boolean version) {

    public ParsedCommandLine {
        settings = Map.copyOf(settings);
    }
}
