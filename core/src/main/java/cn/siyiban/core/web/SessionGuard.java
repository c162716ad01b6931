package cn.siyiban.core.web;

import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.staff.StaffStore;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * Requires a logged-in session for every page and API except the login page and API, the health
 * check and the static assets, and a valid CSRF token on every state-changing request.
 *
 * <p>The CSRF token is a random value kept in the session (synchronizer token). The UI reads it
 * from {@code GET /api/session} or the login response and sends it back in the
 * {@value #CSRF_HEADER} header; a cross-site form can neither read it nor set that header.
 */
public final class SessionGuard {

    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final String USERNAME = "siyiban.username";
    static final String CSRF_TOKEN = "siyiban.csrf";
    /** Fingerprint of the password hash the session was opened with; see {@link #credentialStamp}. */
    static final String CREDENTIAL = "siyiban.credential";
    private static final String STAFF = "siyiban.staff";
    private static final Set<HandlerType> SAFE_METHODS = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final StaffStore staffStore;
    private final Set<String> publicPrefixes;

    /**
     * @param publicPrefixes further path prefixes that need no session, such as central's
     *                       {@code /sync/}, which SymmetricDS protects with its own node tokens
     */
    /** URL prefix of the scripts that node and central serve from core, such as the service map's. */
    public static final String SHARED_ASSETS = "/shared/";

    public SessionGuard(StaffStore staffStore, Set<String> publicPrefixes) {
        this.staffStore = staffStore;
        this.publicPrefixes = Set.copyOf(publicPrefixes);
    }

    boolean isPublic(String path) {
        return path.equals("/login") || path.equals("/api/login") || path.equals("/health")
                || path.startsWith("/assets/") || path.startsWith(SHARED_ASSETS) || path.equals("/favicon.ico")
                || publicPrefixes.stream().anyMatch(path::startsWith);
    }

    /** Runs before every request; rejects it unless the path is public or the session is valid. */
    public void check(Context ctx) {
        String path = ctx.path();
        if (isPublic(path)) {
            return;
        }
        HttpSession session = ctx.req().getSession(false);
        Staff staff = session == null ? null : loggedIn(session);
        if (staff == null) {
            if (path.startsWith("/api/")) {
                throw new ApiException(401, "not_logged_in", "尚未登录或登录已过期，请重新登录");
            }
            String next = URLEncoder.encode(path, StandardCharsets.UTF_8);
            ctx.redirect("/login?next=" + next);
            ctx.skipRemainingHandlers();
            return;
        }
        if (!SAFE_METHODS.contains(ctx.method()) && !csrfTokenMatches(ctx, session)) {
            throw new ApiException(403, "csrf_token_invalid", "页面已过期或请求来源无效，请刷新页面后重试");
        }
        ctx.attribute(STAFF, staff);
    }

    /**
     * Returns the session's staff member as stored now, so that an account disabled by central
     * ends its sessions at the next request. A session opened with another password hash than
     * the stored one ends too: after a password change or reset, only the session that made the
     * change (which {@link PasswordRoutes} stamps anew) stays logged in.
     */
    private Staff loggedIn(HttpSession session) {
        Object username = session.getAttribute(USERNAME);
        if (!(username instanceof String name)) {
            return null;
        }
        Staff staff = staffStore.findByUsername(name).filter(Staff::enabled).orElse(null);
        if (staff == null || !credentialStamp(staff).equals(session.getAttribute(CREDENTIAL))) {
            session.invalidate();
            return null;
        }
        return staff;
    }

    /**
     * Returns a SHA-256 fingerprint of the staff member's password hash, kept in the session
     * instead of the hash itself. It changes with every new hash, because BCrypt salts each one.
     */
    static String credentialStamp(Staff staff) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(staff.passwordHash().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static boolean csrfTokenMatches(Context ctx, HttpSession session) {
        String sent = ctx.header(CSRF_HEADER);
        Object expected = session.getAttribute(CSRF_TOKEN);
        return sent != null && expected instanceof String token
                && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the staff member whose session the guard accepted for this request. */
    public static Staff staff(Context ctx) {
        Staff staff = ctx.attribute(STAFF);
        if (staff == null) {
            throw new IllegalStateException("no staff on " + ctx.path() + ": route is not behind SessionGuard");
        }
        return staff;
    }
}
