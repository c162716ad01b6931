package cn.siyiban.core.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTML pages of a web UI. Each page is a static file whose script fetches its data from
 * the JSON API; the pages are routes, not static files, so that {@link SessionGuard}
 * sends a browser without a session to the login page.
 */
public final class PageRoutes {

    private final Map<String, String> html = new LinkedHashMap<>();

    /**
     * Reads every page once, at start.
     *
     * @param folder class path folder of the page files, ending in a slash
     * @param pages route path to page file, in registration order
     */
    public PageRoutes(String folder, Map<String, String> pages) {
        pages.forEach((path, file) -> html.put(path, read(folder + file)));
    }

    public void register(RoutesConfig routes) {
        html.forEach((path, page) -> routes.get(path, ctx -> send(ctx, page)));
    }

    private static void send(Context ctx, String page) {
        ctx.header("Cache-Control", "no-store").contentType("text/html; charset=utf-8").result(page);
    }

    /**
     * Adds headers that keep the pages from being framed or sniffed and allow scripts and styles
     * only from this server; the pages therefore use no inline script or style.
     */
    public static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    }

    private static String read(String path) {
        try (InputStream in = PageRoutes.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
