package cn.siyiban.core.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;

/** siyiban's JSON mapping, strict on input so a typo in a field name is reported, not ignored. */
public final class Json {

    private Json() {
    }

    /**
     * Builds the mapper shared by requests and responses: unknown fields fail, times are written
     * as ISO-8601 local date-times of the county's zone.
     */
    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * Reads the request body as {@code type}. The body is read through Javalin's size check, so an
     * oversized body ends as 413; malformed JSON, a wrong type or an unknown field ends as 400
     * {@code invalid_json} naming the field.
     */
    public static <T> T read(Context ctx, ObjectMapper mapper, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw new ApiException(400, "invalid_json", "请求内容为空，应为JSON对象");
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw new ApiException(400, "invalid_json", "请求内容应为JSON对象，不能为null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new ApiException(400, "invalid_json", "请求中有未知字段“" + e.getPropertyName() + "”",
                    Map.of("field", path(e)));
        } catch (JsonMappingException e) {
            throw new ApiException(400, "invalid_json", "请求中字段的类型不正确，请检查后重新提交",
                    Map.of("field", path(e)));
        } catch (JacksonException e) {
            throw new ApiException(400, "invalid_json", "请求内容不是有效的JSON");
        } catch (IOException e) {
            throw new ApiException(400, "invalid_json", "无法读取请求内容");
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
