package cn.siyiban.central.staff;

import cn.siyiban.central.audit.AuditLog;
import cn.siyiban.central.auth.CentralAccess;
import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.network.PointLevel;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
    private final CatalogueStore catalogue;
    private final AuditLog audit;
    private final CountyClock clock;
    private final ObjectMapper mapper;

    public StaffRoutes(StaffStore staff, PointStore points, CatalogueStore catalogue, AuditLog audit, CountyClock clock,
                       ObjectMapper mapper) {
        this.staff = staff;
        this.points = points;
        this.catalogue = catalogue;
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
        String point = role == null ? null : point(errors, role, input.pointCode());
        String department = role == null ? null : department(errors, role, input.department());
        checkPassword(errors, input.password());
        reject(errors);
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
        String department = department(errors, old.role(), input.department());
        if (input.role() != null && !input.role().equals(old.role().code())) {
            errors.put("role", "不能修改角色：请停用此账号，再按新角色新建账号");
        }
        if (input.pointCode() != null && !input.pointCode().isBlank()
                && !input.pointCode().strip().equals(old.pointCode())) {
            errors.put("pointCode", "不能修改所属网点：请停用此账号，再在新网点新建账号");
        }
        reject(errors);
        Staff changed = new Staff(old.id(), old.username(), displayName, old.role(), old.pointCode(), department,
                old.passwordHash(), old.enabled());
        staff.update(changed, clock.now());
        audit.record(admin.username(), "staff_edit", old.pointCode(), old.username(), "姓名：" + displayName
                + (department == null ? "" : "，部门：" + department));
        ctx.json(item(changed, pointName(changed)));
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
        reject(errors);
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

    private String point(Map<String, Object> errors, Role role, String pointCode) {
        String code = pointCode == null || pointCode.isBlank() ? null : pointCode.strip();
        if (role == Role.REVIEWER || role == Role.COUNTY_ADMIN) {
            if (code != null) {
                errors.put("pointCode", role.label() + "不属于任何网点，请不要填写网点");
            }
            return null;
        }
        if (code == null) {
            errors.put("pointCode", role.label() + "必须选择所属网点");
            return null;
        }
        ServicePoint point = points.find(code).orElse(null);
        if (point == null) {
            errors.put("pointCode", "找不到网点 " + code);
            return null;
        }
        Set<PointLevel> allowed = switch (role) {
            case VILLAGE_CLERK -> Set.of(PointLevel.VILLAGE);
            case TOWNSHIP_CLERK -> Set.of(PointLevel.TOWNSHIP);
            default -> Set.of(PointLevel.VILLAGE, PointLevel.TOWNSHIP);
        };
        if (!allowed.contains(point.level())) {
            errors.put("pointCode", role.label() + "不能属于" + point.level().label() + "“" + point.name() + "”");
            return null;
        }
        return code;
    }

    /** Checks a reviewer's departments against the departments named in the catalogue. */
    private String department(Map<String, Object> errors, Role role, String text) {
        if (role != Role.REVIEWER) {
            if (text != null && !text.isBlank()) {
                errors.put("department", "只有部门审核人员需要填写部门");
            }
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : (text == null ? "" : text).split("[,，]")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        if (names.isEmpty()) {
            errors.put("department", "部门审核人员至少要有一个部门");
            return null;
        }
        Set<String> known = new LinkedHashSet<>();
        catalogue.all().stream().map(Matter::department).filter(Objects::nonNull).forEach(known::add);
        List<String> unknown = names.stream().filter(name -> !known.contains(name)).toList();
        if (!unknown.isEmpty()) {
            errors.put("department", "事项目录中没有部门：" + String.join("、", unknown));
            return null;
        }
        String joined = String.join(",", names);
        if (joined.length() > 500) {
            errors.put("department", "部门过多：最多500字");
            return null;
        }
        return joined;
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

    private static void reject(Map<String, Object> errors) {
        if (!errors.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid_staff",
                    "账号有" + errors.size() + "处错误：" + errors.values().iterator().next(), errors);
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
        try {
            StaffInput input = mapper.readValue(ctx.body(), StaffInput.class);
            if (input == null) {
                throw new ApiException(400, "invalid_json", "请求内容为空");
            }
            return input;
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "invalid_json", "请求内容不是有效的账号JSON：" + e.getOriginalMessage());
        }
    }

    private static Staff admin(Context ctx) {
        Staff admin = SessionGuard.staff(ctx);
        CentralAccess.requireAdmin(admin);
        return admin;
    }
}
