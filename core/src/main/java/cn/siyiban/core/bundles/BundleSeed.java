package cn.siyiban.core.bundles;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;

/** The bundles shipped with siyiban, built only from matters of the shipped seed catalogue. */
public final class BundleSeed {

    /** Class path resource of the shipped bundles. */
    public static final String RESOURCE = "/cn/siyiban/core/data/bundles.json";

    private BundleSeed() {
    }

    private record Entry(String code, String name, String description, List<String> matterCodes,
                         List<Bundle.SharedMaterial> sharedMaterials) {
    }

    /** Reads the shipped bundles, stamped as written by {@code actor} at {@code now}. */
    public static List<Bundle> shipped(String actor, LocalDateTime now) {
        try (InputStream in = BundleSeed.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + RESOURCE);
            }
            List<Entry> entries = new ObjectMapper().readValue(in, new TypeReference<List<Entry>>() {
            });
            return entries.stream()
                    .map(entry -> new Bundle(entry.code(), entry.name(), entry.description(), entry.matterCodes(),
                            entry.sharedMaterials(), false, actor, now))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
