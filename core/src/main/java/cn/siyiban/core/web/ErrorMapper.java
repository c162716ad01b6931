package cn.siyiban.core.web;

import cn.siyiban.core.db.DatabaseException;
import cn.siyiban.core.error.DomainException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every error of node and central as one JSON shape, {@code {"code","message","details"}}. This
 * is the only place that turns an exception into a response, and the only place that logs an
 * unexpected one.
 */
public final class ErrorMapper {

    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> send(ctx, e.status(), e.code(), e.getMessage(), e.details()));
        routes.exception(DomainException.class, (e, ctx) ->
                send(ctx, statusOf(e.kind()), e.code(), e.getMessage(), e.details()));
        routes.exception(HttpResponseException.class, ErrorMapper::httpError);
        routes.exception(DatabaseException.class, (e, ctx) -> {
            if (e.isStorageFull()) {
                log.error("Storage full on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                send(ctx, 507, "storage_full", "本机磁盘已满，办件未能保存。请联系技术人员清理磁盘后重试。", Map.of());
            } else if (e.isLockTimeout()) {
                // Database.inTransaction rolled the whole transaction back, so a resend is safe.
                log.warn("Database busy on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                send(ctx, 503, "database_busy", "系统繁忙，本次操作未能保存，请稍后重新提交。", Map.of());
            } else {
                unexpected(e, ctx);
            }
        });
        routes.exception(Exception.class, ErrorMapper::unexpected);
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                send(ctx, 404, "not_found", "未找到请求的页面或接口：" + ctx.path(), Map.of());
            }
        });
    }

    static int statusOf(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> 422;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
            case UNAVAILABLE -> 503;
        };
    }

    private static void httpError(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        switch (status) {
            case 413 -> send(ctx, 413, "request_too_large", "提交的内容过大，请减少内容后重试", Map.of());
            case 404 -> send(ctx, 404, "not_found", "未找到请求的页面或接口：" + ctx.path(), Map.of());
            case 405 -> send(ctx, 405, "method_not_allowed", "不支持该请求方式：" + ctx.method(), Map.of());
            default -> send(ctx, status, "http_" + status, "请求未能处理（HTTP " + status + "）", Map.of());
        }
    }

    private static void unexpected(Exception e, Context ctx) {
        String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        log.error("Unexpected error {} on {} {}", id, ctx.method(), ctx.path(), e);
        send(ctx, 500, "internal_error", "系统内部错误（错误编号" + id + "），请稍后重试；如果反复出现，请把错误编号告诉技术人员。",
                Map.of("errorId", id));
    }

    private static void send(Context ctx, int status, String code, String message, Map<String, Object> details) {
        ctx.status(status).json(new ApiError(code, message, details));
    }
}
