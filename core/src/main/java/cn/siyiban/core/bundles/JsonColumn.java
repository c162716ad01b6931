package cn.siyiban.core.bundles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes and reads the JSON text columns of the bundle tables. */
final class JsonColumn {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonColumn() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Reads {@code text}; {@code owner} names the row in the error, because a bad value means a damaged row. */
    static <T> T read(String text, TypeReference<T> type, String owner) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON column of " + owner + " is not valid", e);
        }
    }
}
