package cn.siyiban.core.web;

import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.staff.LoginGuard;
import cn.siyiban.core.staff.PasswordHasher;
import cn.siyiban.core.staff.PasswordRules;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.staff.StaffStore;
import cn.siyiban.core.time.CountyClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/password}: a logged-in staff member changes their own password with the
 * current one and the new one typed twice. The new BCrypt hash replaces the old one; the
 * session that made the change stays logged in and every other session of the account ends at
 * its next request ({@link SessionGuard}). A wrong current password counts as a failed login,
 * so a session left open cannot be used to guess it.
 */
public final class PasswordRoutes {

    private static final Logger log = LoggerFactory.getLogger(PasswordRoutes.class);

    private final StaffStore staffStore;
    private final LoginGuard loginGuard;
    private final CountyClock clock;
    private final ObjectMapper mapper;
    private final Consumer<Staff> changed;

    /**
     * @param changed called after each change with the account as it was before, for an audit
     *                record; it never receives a password
     */
    public PasswordRoutes(StaffStore staffStore, LoginGuard loginGuard, CountyClock clock, ObjectMapper mapper,
                          Consumer<Staff> changed) {
        this.staffStore = staffStore;
        this.loginGuard = loginGuard;
        this.clock = clock;
        this.mapper = mapper;
        this.changed = changed;
    }

    /** The password form's fields. */
    public record PasswordChange(String oldPassword, String newPassword, String newPasswordAgain) {
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/password", this::change);
    }

    private void change(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        PasswordChange request = Json.read(ctx, mapper, PasswordChange.class);

        LocalDateTime lockedUntil = loginGuard.lockedUntil(staff.username()).orElse(null);
        if (lockedUntil != null) {
            throw LoginRoutes.lockedError(lockedUntil);
        }
        if (request.oldPassword() == null || request.oldPassword().isEmpty()) {
            throw invalid(Map.of("oldPassword", "请输入原密码"));
        }
        if (!PasswordHasher.matches(request.oldPassword(), staff.passwordHash())) {
            int remaining = loginGuard.recordFailure(staff.username());
            log.warn("Wrong current password in a password change of user {} from {}, {} attempts left",
                    staff.username(), ctx.ip(), remaining);
            if (remaining == 0) {
                throw LoginRoutes.lockedError(loginGuard.lockedUntil(staff.username()).orElse(clock.now()));
            }
            throw new DomainException(DomainException.Kind.INVALID, "wrong_old_password",
                    "原密码不正确，还可尝试" + remaining + "次", Map.of("oldPassword", "原密码不正确"));
        }

        Map<String, Object> errors = PasswordRules.check(staff.username(), request.oldPassword(),
                request.newPassword(), request.newPasswordAgain());
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }

        String hash = PasswordHasher.hash(request.newPassword());
        if (!staffStore.changePassword(staff.id(), hash, clock.now())) {
            throw DomainException.notFound("staff_not_found", "找不到账号 " + staff.username());
        }
        loginGuard.recordSuccess(staff.username());
        Staff updated = new Staff(staff.id(), staff.username(), staff.displayName(), staff.role(), staff.pointCode(),
                staff.department(), hash, staff.enabled());
        ctx.req().getSession().setAttribute(SessionGuard.CREDENTIAL, SessionGuard.credentialStamp(updated));
        changed.accept(staff);
        log.info("User {} changed their own password from {}", staff.username(), ctx.ip());
        ctx.json(Map.of("username", staff.username(), "message", "密码已修改。其他设备上的登录已退出，需要用新密码重新登录。"));
    }

    private static DomainException invalid(Map<String, Object> errors) {
        return new DomainException(DomainException.Kind.INVALID, "invalid_password",
                "密码有" + errors.size() + "处错误：" + errors.values().iterator().next(), errors);
    }
}
