package cn.siyiban.core.web;

import cn.siyiban.core.staff.LoginGuard;
import cn.siyiban.core.staff.PasswordHasher;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.staff.StaffStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /api/login}, {@code POST /api/logout} and {@code GET /api/session}. */
public final class LoginRoutes {

    private static final Logger log = LoggerFactory.getLogger(LoginRoutes.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter UNLOCK_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");
    /** A hash to compare against when the user name is unknown, so both cases take as long. */
    private static final String DUMMY_HASH = PasswordHasher.hash("siyiban-no-such-user");
    private static final int MAX_USERNAME = 64;

    private final StaffStore staffStore;
    private final LoginGuard loginGuard;
    private final PointNames pointNames;
    private final ObjectMapper mapper;
    private final String nodePoint;
    private final int sessionTimeoutSeconds;

    public LoginRoutes(StaffStore staffStore, LoginGuard loginGuard, PointNames pointNames, ObjectMapper mapper,
                       String nodePoint, int sessionTimeoutMinutes) {
        this.staffStore = staffStore;
        this.loginGuard = loginGuard;
        this.pointNames = pointNames;
        this.mapper = mapper;
        this.nodePoint = nodePoint;
        this.sessionTimeoutSeconds = sessionTimeoutMinutes * 60;
    }

    /** The login form's fields. */
    public record LoginRequest(String username, String password) {
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/login", this::login);
        routes.post("/api/logout", this::logout);
        routes.get("/api/session", ctx -> ctx.json(view(SessionGuard.staff(ctx),
                (String) ctx.req().getSession().getAttribute(SessionGuard.CSRF_TOKEN))));
    }

    private void login(Context ctx) {
        LoginRequest request = Json.read(ctx, mapper, LoginRequest.class);
        String username = request.username() == null ? "" : request.username().strip();
        if (username.isEmpty() || request.password() == null || request.password().isEmpty()) {
            throw new ApiException(401, "invalid_credentials", "请输入用户名和密码");
        }
        if (username.length() > MAX_USERNAME) {
            throw new ApiException(401, "invalid_credentials", "用户名或密码不正确");
        }
        Optional<LocalDateTime> lockedUntil = loginGuard.lockedUntil(username);
        if (lockedUntil.isPresent()) {
            throw locked(username, lockedUntil.get());
        }
        Optional<Staff> found = staffStore.findByUsername(username).filter(Staff::enabled);
        String hash = found.map(Staff::passwordHash).orElse(DUMMY_HASH);
        boolean matches = PasswordHasher.matches(request.password(), hash);
        if (found.isEmpty() || !matches) {
            int remaining = loginGuard.recordFailure(username);
            log.warn("Failed login for user {} from {}, {} attempts left", username, ctx.ip(), remaining);
            if (remaining == 0) {
                throw locked(username, loginGuard.lockedUntil(username).orElse(LocalDateTime.now()));
            }
            throw new ApiException(401, "invalid_credentials", "用户名或密码不正确，还可尝试" + remaining + "次",
                    Map.of("remainingAttempts", remaining));
        }
        Staff staff = found.get();
        loginGuard.recordSuccess(username);
        ctx.json(view(staff, startSession(ctx, staff)));
        log.info("User {} ({}) logged in from {}", staff.username(), staff.role().code(), ctx.ip());
    }

    /**
     * Replaces any session the browser brought with a new one, so a session id planted before
     * the login (session fixation) never becomes a logged-in session. Returns the CSRF token.
     */
    private String startSession(Context ctx, Staff staff) {
        HttpSession old = ctx.req().getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = ctx.req().getSession(true);
        session.setMaxInactiveInterval(sessionTimeoutSeconds);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        session.setAttribute(SessionGuard.USERNAME, staff.username());
        session.setAttribute(SessionGuard.CSRF_TOKEN, token);
        session.setAttribute(SessionGuard.CREDENTIAL, SessionGuard.credentialStamp(staff));
        return token;
    }

    private void logout(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        HttpSession session = ctx.req().getSession(false);
        if (session != null) {
            session.invalidate();
        }
        log.info("User {} logged out", staff.username());
        ctx.json(Map.of("loggedOut", true));
    }

    private ApiException locked(String username, LocalDateTime until) {
        log.warn("Rejected login for locked user {} until {}", username, until);
        return lockedError(until);
    }

    /** Returns the error of a locked account, which the password change sends too. */
    static ApiException lockedError(LocalDateTime until) {
        return new ApiException(423, "account_locked", "连续" + LoginGuard.MAX_FAILURES + "次密码错误，账号已锁定，请于"
                + until.format(UNLOCK_TIME) + "后再试，或请管理员协助", Map.of("lockedUntil", until.toString()));
    }

    private SessionView view(Staff staff, String csrfToken) {
        return new SessionView(staff.username(), staff.displayName(), staff.role().code(), staff.role().label(),
                staff.pointCode(), staff.pointCode() == null ? null : pointNames.name(staff.pointCode()),
                nodePoint, pointNames.name(nodePoint), csrfToken);
    }
}
