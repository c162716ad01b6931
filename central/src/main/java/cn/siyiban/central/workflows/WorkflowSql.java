package cn.siyiban.central.workflows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the SQL files of the workflow reports from the class path. */
final class WorkflowSql {

    private WorkflowSql() {
    }

    /** Returns the text of {@code name} in {@code /cn/siyiban/central/workflows/}. */
    static String load(String name) {
        String path = "/cn/siyiban/central/workflows/" + name;
        try (InputStream in = WorkflowSql.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
