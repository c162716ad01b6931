package cn.siyiban.core.db;

import java.util.Locale;

/**
 * The databases siyiban runs on: embedded Derby at every node and by default at central, and
 * PostgreSQL at a central configured for it. Schema scripts that cannot be written once for both
 * have one version per dialect in a subfolder named by {@link #folder()}.
 */
public enum Dialect {
    DERBY("derby", "jdbc:derby:"),
    POSTGRESQL("postgresql", "jdbc:postgresql:");

    private final String folder;
    private final String urlPrefix;

    Dialect(String folder, String urlPrefix) {
        this.folder = folder;
        this.urlPrefix = urlPrefix;
    }

    /** Name of the subfolder of a schema folder that contains this dialect's own script versions. */
    public String folder() {
        return folder;
    }

    /** Returns the dialect of a JDBC URL such as {@code jdbc:postgresql://host:5432/siyiban}. */
    public static Dialect ofJdbcUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        for (Dialect dialect : values()) {
            if (lower.startsWith(dialect.urlPrefix)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("unsupported JDBC URL " + url.replaceAll("password=[^&;]*", "password=***")
                + "; siyiban runs on jdbc:derby: and jdbc:postgresql: URLs only");
    }
}
