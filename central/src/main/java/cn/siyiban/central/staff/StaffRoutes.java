package cn.siyiban.central.staff;

import cn.siyiban.central.audit.AuditLog;
import cn.siyiban.central.auth.CentralAccess;
import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.network.PointStore;
import cn.siyiban.core.network.ServicePoint;
import cn.siyiban.core.staff.PasswordHasher;
import cn.siyiban.core.staff.Role;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.staff.StaffStore;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.web.ApiException;
import cn.siyiban.core.web.SessionGuard;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The county admin's staff API. Accounts live at central; SymmetricDS sends each one, password
 * hash included, only to the node of its point, so a clerk can log in there offline. Reviewers
 * and county admins have no point and reach no node. Every change is written to the audit log.
 */
public final class StaffRoutes {

    private static final Logger log = LoggerFactory.getLogger(StaffRoutes.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    /**
     * Minimum length of a temporary password an admin sets. The staff member then chooses their
     * own at central's password page, under the stricter PasswordRules.
     */
    static final int MIN_PASSWORD_LENGTH = 8;

    private final StaffStore staff;
    private final PointStore points;
    private final StaffChecks checks;
    private final AuditLog audit;
    private final CountyClock clock;
    private final ObjectMapper mapper;

    public StaffRoutes(StaffStore staff, PointStore points, CatalogueStore catalogue, AuditLog audit, CountyClock clock,
                       ObjectMapper mapper) {
        this.staff = staff;
        this.points = points;
        this.checks = new StaffChecks(points, catalogue);
        this.audit = audit;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** One account as the list shows it, never with its password hash. */
    public record StaffItem(String id, String username, String displayName, String role, String roleLabel,
                            String pointCode, String pointName, String department, boolean enabled) {
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/staff", this::list);
        routes.post("/api/staff", this::create);
        routes.put("/api/staff/{username}", this::edit);
        routes.post("/api/staff/{username}/password", this::resetPassword);
        routes.post("/api/staff/{username}/assignment", this::assign);
        routes.post("/api/staff/{username}/disable", ctx -> setEnabled(ctx, false));
        routes.post("/api/staff/{username}/enable", ctx -> setEnabled(ctx, true));
    }

    /** {@code GET /api/staff?q=...}: matches user name, name, point code or point name. */
    private void list(Context ctx) {
        admin(ctx);
        String query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip().toLowerCase(Locale.ROOT);
        Map<String, String> pointNames = new LinkedHashMap<>();
        points.all().forEach(point -> pointNames.put(point.code(), point.name()));
        List<StaffItem> items = new ArrayList<>();
        for (Staff account : staff.all()) {
            StaffItem item = item(account, pointNames.get(account.pointCode()));
            if (query.isEmpty() || matches(item, query)) {
                items.add(item);
            }
        }
        ctx.json(items);
    }

    private static boolean matches(StaffItem item, String query) {
        for (String text : new String[] {item.username(), item.displayName(), item.pointCode(), item.pointName(),
                item.department()}) {
            if (text != null && text.toLowerCase(Locale.ROOT).contains(query)) {
                return true;
            }
        }
        return false;
    }

    private void create(Context ctx) {
        Staff admin = admin(ctx);
        StaffInput input = input(ctx);
        Map<String, Object> errors = new LinkedHashMap<>();
        String username = input.username() == null ? "" : input.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            errors.put("username", "用户名应为3到64位小写字母、数字、点、短横线或下划线，以字母或数字开头");
        }
        String displayName = displayName(errors, input.displayName());
        Role role = Role.fromCode(input.role() == null ? "" : input.role()).orElse(null);
        if (role == null) {
            errors.put("role", "角色无效：应为village_clerk、township_clerk、reviewer、county_admin或technician");
        }
        String point = role == null ? null : checks.point(errors, role, input.pointCode());
        String department = role == null ? null : checks.department(errors, role, input.department());
        checkPassword(errors, input.password());
        StaffChecks.reject(errors);
        if (staff.findByUsername(username).isPresent()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "username_taken", "用户名 " + username + " 已被使用",
                    Map.of("username", "已被使用"));
        }
        Staff created = new Staff(UUID.randomUUID().toString(), username, displayName, role, point, department,
                PasswordHasher.hash(input.password()), true);
        staff.insert(created, clock.now());
        audit.record(admin.username(), "staff_create", point, username, role.label() + " " + displayName
                + (department == null ? "" : "，部门：" + department));
        log.info("Staff account {} ({}, point {}) created by {}", username, role.code(), point, admin.username());
        ctx.status(201).json(item(created, point == null ? null : points.find(point).map(ServicePoint::name)
                .orElse(null)));
    }

    /** Changes the name shown and, for a reviewer, the departments. */
    private void edit(Context ctx) {
        Staff admin = admin(ctx);
        Staff old = existing(ctx);
        StaffInput input = input(ctx);
        Map<String, Object> errors = new LinkedHashMap<>();
        String displayName = displayName(errors, input.displayName());
        String department = checks.department(errors, old.role(), input.department());
        if (input.role() != null && !input.role().equals(old.role().code())) {
            errors.put("role", "此处不能修改角色：请使用“调整角色和网点”");
        }
        if (input.pointCode() != null && !input.pointCode().isBlank()
                && !input.pointCode().strip().equals(old.pointCode())) {
            errors.put("pointCode", "此处不能修改所属网点：请使用“调整角色和网点”");
        }
        StaffChecks.reject(errors);
        Staff changed = new Staff(old.id(), old.username(), displayName, old.role(), old.pointCode(), department,
                old.passwordHash(), old.enabled());
        staff.update(changed, clock.now());
        audit.record(admin.username(), "staff_edit", old.pointCode(), old.username(), "姓名：" + displayName
                + (department == null ? "" : "，部门：" + department));
        ctx.json(item(changed, pointName(changed)));
    }

    /**
     * {@code POST /api/staff/{username}/assignment} with {@code {"role", "pointCode",
     * "department", "confirm"}}: gives an account another role, point or departments. The request
     * must repeat the user name in {@code confirm}, as the page's confirmation dialog sends it.
     * The account leaves the old point's node disabled (see {@link StaffStore#reassign}) and
     * reaches the new point's node by sync.
     */
    private void assign(Context ctx) {
        Staff admin = admin(ctx);
        Staff old = existing(ctx);
        AssignmentInput input = body(ctx, AssignmentInput.class, "调整");
        if (!old.username().equals(input.confirm())) {
            throw new ApiException(400, "confirmation_required", "请在确认框中输入用户名以确认调整",
                    Map.of("confirm", "应为 " + old.username()));
        }
        if (old.id().equals(admin.id())) {
            throw new DomainException(DomainException.Kind.CONFLICT, "cannot_reassign_self",
                    "不能调整自己正在使用的账号的角色和网点");
        }

        Map<String, Object> errors = new LinkedHashMap<>();
        Role role = Role.fromCode(input.role() == null ? "" : input.role()).orElse(null);
        if (role == null) {
            errors.put("role", "角色无效：应为village_clerk、township_clerk、reviewer、county_admin或technician");
        }
        String point = role == null ? null : checks.point(errors, role, input.pointCode());
        String department = role == null ? null : checks.department(errors, role, input.department());
        StaffChecks.reject(errors);
        if (role == old.role() && Objects.equals(point, old.pointCode())
                && Objects.equals(department, old.department())) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid_staff", "角色、所属网点和部门都没有变化",
                    Map.of("role", "没有变化"));
        }

        Staff moved = staff.reassign(old.id(), role, point, department, clock.now()).orElseThrow(() ->
                DomainException.notFound("staff_not_found", "找不到账号 " + old.username()));
        String detail = "角色：" + old.role().label() + " → " + role.label() + "；所属网点：" + pointText(old.pointCode())
                + " → " + pointText(point) + (department == null ? "" : "；部门：" + department);
        audit.record(admin.username(), "staff_reassign", old.pointCode(), old.username(), detail);
        if (point != null && !point.equals(old.pointCode())) {
            // Listed under both points, so each node's page shows the move.
            audit.record(admin.username(), "staff_reassign", point, old.username(), detail);
        }
        log.info("Staff account {} moved from {} at point {} to {} at point {} by {}", old.username(),
                old.role().code(), old.pointCode(), role.code(), point, admin.username());
        ctx.json(item(moved, pointName(moved)));
    }

    /** The body of an assignment change; {@code confirm} repeats the user name. */
    public record AssignmentInput(String role, String pointCode, String department, String confirm) {
    }

    private String pointText(String code) {
        if (code == null) {
            return "无";
        }
        return points.find(code).map(point -> point.name() + "（" + code + "）").orElse(code);
    }

    /** Sets a temporary password chosen by the admin, and clears nothing else. */
    private void resetPassword(Context ctx) {
        Staff admin = admin(ctx);
        Staff old = existing(ctx);
        String password;
        try {
            password = mapper.readTree(ctx.body()).path("password").asText(null);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "invalid_json", "请求内容不是有效的JSON");
        }
        Map<String, Object> errors = new LinkedHashMap<>();
        checkPassword(errors, password);
        StaffChecks.reject(errors);
        staff.update(new Staff(old.id(), old.username(), old.displayName(), old.role(), old.pointCode(),
                old.department(), PasswordHasher.hash(password), old.enabled()), clock.now());
        // The password itself is never written to the audit log or the log file.
        audit.record(admin.username(), "staff_password_reset", old.pointCode(), old.username(), "管理员设置了临时密码");
        log.info("Password of staff account {} reset by {}", old.username(), admin.username());
        ctx.json(Map.of("username", old.username(), "message", "已设置临时密码，请当面告知本人"));
    }

    private void setEnabled(Context ctx, boolean enabled) {
        Staff admin = admin(ctx);
        Staff old = existing(ctx);
        if (!enabled && old.id().equals(admin.id())) {
            throw new DomainException(DomainException.Kind.CONFLICT, "cannot_disable_self", "不能停用自己正在使用的账号");
        }
        Staff changed = new Staff(old.id(), old.username(), old.displayName(), old.role(), old.pointCode(),
                old.department(), old.passwordHash(), enabled);
        staff.update(changed, clock.now());
        audit.record(admin.username(), enabled ? "staff_enable" : "staff_disable", old.pointCode(), old.username(),
                enabled ? "启用账号" : "停用账号");
        log.info("Staff account {} {} by {}", old.username(), enabled ? "enabled" : "disabled", admin.username());
        ctx.json(item(changed, pointName(changed)));
    }

    private static String displayName(Map<String, Object> errors, String text) {
        String name = text == null ? "" : text.strip();
        if (name.isEmpty() || name.length() > 100) {
            errors.put("displayName", "姓名应为1到100字");
            return null;
        }
        return name;
    }

    private static void checkPassword(Map<String, Object> errors, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 72) {
            // BCrypt reads at most 72 bytes of a password.
            errors.put("password", "密码应为" + MIN_PASSWORD_LENGTH + "到72个字符");
        }
    }

    private Staff existing(Context ctx) {
        String username = ctx.pathParam("username");
        return staff.findByUsername(username).orElseThrow(() ->
                DomainException.notFound("staff_not_found", "找不到账号 " + username));
    }

    private String pointName(Staff account) {
        return account.pointCode() == null ? null : points.find(account.pointCode()).map(ServicePoint::name).orElse(null);
    }

    private static StaffItem item(Staff account, String pointName) {
        return new StaffItem(account.id(), account.username(), account.displayName(), account.role().code(),
                account.role().label(), account.pointCode(), pointName, account.department(), account.enabled());
    }

    private StaffInput input(Context ctx) {
        return body(ctx, StaffInput.class, "账号");
    }

    /** Reads the request body as {@code type}; {@code what} names the content in the error message. */
    private <T> T body(Context ctx, Class<T> type, String what) {
        try {
            T input = mapper.readValue(ctx.body(), type);
            if (input == null) {
                throw new ApiException(400, "invalid_json", "请求内容为空");
            }
            return input;
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "invalid_json", "请求内容不是有效的" + what + "JSON：" + e.getOriginalMessage());
        }
    }

    private static Staff admin(Context ctx) {
        Staff admin = SessionGuard.staff(ctx);
        CentralAccess.requireAdmin(admin);
        return admin;
    }
}
