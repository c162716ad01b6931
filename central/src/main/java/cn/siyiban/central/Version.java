package cn.siyiban.central;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Central's version, taken from the Maven project version at build time. */
public final class Version {

    private static final String RESOURCE = "/cn/siyiban/central/version.properties";

    private Version() {
    }

    /** Returns the version, or {@code unknown} when the build left no version file. */
    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
