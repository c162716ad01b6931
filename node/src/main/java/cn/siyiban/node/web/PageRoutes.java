package cn.siyiban.node.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTML pages of the clerk UI. Each page is a static file whose script fetches its data from
 * the JSON API; the pages are routes, not static files, so that {@link cn.siyiban.node.auth.SessionGuard}
 * sends a browser without a session to the login page.
 */
public final class PageRoutes {

    private static final String FOLDER = "/cn/siyiban/node/web/pages/";

    /** Route path to page file. */
    private static final Map<String, String> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("/login", "login.html");
        PAGES.put("/", "search.html");
        PAGES.put("/intake", "intake.html");
        PAGES.put("/receipt/{caseNo}", "receipt.html");
        PAGES.put("/cases", "cases.html");
        PAGES.put("/cases/{caseNo}", "case.html");
    }

    private final Map<String, String> html = new LinkedHashMap<>();

    public PageRoutes() {
        PAGES.forEach((path, file) -> html.put(path, read(file)));
    }

    public void register(RoutesConfig routes) {
        html.forEach((path, page) -> routes.get(path, ctx -> send(ctx, page)));
    }

    private static void send(Context ctx, String page) {
        ctx.header("Cache-Control", "no-store").contentType("text/html; charset=utf-8").result(page);
    }

    /**
     * Adds headers that keep the pages from being framed or sniffed and allow scripts and styles
     * only from the node itself; the pages therefore use no inline script or style.
     */
    public static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    }

    private static String read(String file) {
        String path = FOLDER + file;
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
