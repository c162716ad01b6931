package cn.siyiban.core.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the longer case queries, kept as commented SQL resources beside this class. */
final class CaseSql {

    private CaseSql() {
    }

    static String load(String name) {
        String path = "/cn/siyiban/core/cases/" + name;
        try (InputStream in = CaseSql.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
