package cn.siyiban.central.settings;

/**
 * Where central keeps its data: the embedded Derby database in the data folder (the default),
 * or a PostgreSQL server when {@code db.url} is set.
 *
 * @param url JDBC URL of the PostgreSQL database, e.g. {@code jdbc:postgresql://db:5432/siyiban};
 *            null for embedded Derby
 * @param user PostgreSQL user; null for embedded Derby
 * @param password PostgreSQL password, possibly empty; never logged, and left out of {@link #toString()}
 */
public record DatabaseSettings(String url, String user, String password) {

    /** The embedded Derby database in {@code <data>/db}. */
    public static DatabaseSettings embedded() {
        return new DatabaseSettings(null, null, null);
    }

    /** Returns a PostgreSQL database at {@code url}. */
    public static DatabaseSettings postgresql(String url, String user, String password) {
        return new DatabaseSettings(url, user, password);
    }

    public boolean isEmbedded() {
        return url == null;
    }

    @Override
    public String toString() {
        return isEmbedded() ? "DatabaseSettings[embedded Derby]"
                : "DatabaseSettings[url=" + url + ", user=" + user + ", password=***]";
    }
}
