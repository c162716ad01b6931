package cn.siyiban.central.registration;

import cn.siyiban.central.auth.CentralAccess;
import cn.siyiban.central.sync.RegistrationGate;
import cn.siyiban.central.sync.RegistrationRefusal;
import cn.siyiban.central.sync.RegistrationToken;
import cn.siyiban.central.sync.RegistrationTokenStore;
import cn.siyiban.central.sync.TokenPurpose;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.network.PointLevel;
import cn.siyiban.core.network.PointStore;
import cn.siyiban.core.network.ServicePoint;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.web.ApiException;
import cn.siyiban.core.web.Json;
import cn.siyiban.core.web.SessionGuard;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/registrations}: one-time tokens with which a village or township node registers
 * with central's SymmetricDS engine. Only a county admin issues, lists and revokes tokens;
 * {@code POST /api/registrations/check} is public, because a node calls it before it has an account.
 */
public final class RegistrationRoutes {

    private static final Logger log = LoggerFactory.getLogger(RegistrationRoutes.class);
    /** Characters per printed group of a token, so a technician can read it aloud and type it. */
    private static final int GROUP_LENGTH = 5;

    private final RegistrationTokenStore tokens;
    private final PointStore points;
    private final Supplier<RegistrationGate> gate;
    private final CountyClock clock;
    private final ObjectMapper mapper;

    public RegistrationRoutes(RegistrationTokenStore tokens, PointStore points, Supplier<RegistrationGate> gate,
                              CountyClock clock, ObjectMapper mapper) {
        this.tokens = tokens;
        this.points = points;
        this.gate = gate;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** The body of {@code POST /api/registrations}. */
    public record IssueRequest(String point, String purpose) {
    }

    /** A newly issued token; the only response that ever contains the token's text. */
    public record Issued(String point, String pointName, String group, String purpose, String purposeLabel,
                         String token, LocalDateTime expiresAt) {
    }

    /** The body of {@code POST /api/registrations/revoke}. */
    public record RevokeRequest(String point) {
    }

    /** The body of {@code POST /api/registrations/check}, as a node sends it. */
    public record CheckRequest(String point, String group, String token) {
    }

    /**
     * One token of a point, without its text.
     *
     * @param state {@code usable}, {@code used}, {@code revoked} or {@code expired}
     */
    public record TokenItem(String purpose, String purposeLabel, String issuedBy, LocalDateTime issuedAt,
                            LocalDateTime expiresAt, LocalDateTime usedAt, String usedFrom, LocalDateTime revokedAt,
                            String state, String stateLabel) {
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/registrations", this::issue);
        routes.get("/api/registrations", this::list);
        routes.post("/api/registrations/revoke", this::revoke);
        routes.post("/api/registrations/check", this::check);
    }

    private void issue(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        CentralAccess.requireAdmin(staff);
        IssueRequest request = Json.read(ctx, mapper, IssueRequest.class);
        ServicePoint point = nodePoint(request.point());
        TokenPurpose purpose = TokenPurpose.fromCode(request.purpose()).orElseThrow(() -> DomainException.invalid(
                "invalid_purpose", "令牌用途“" + request.purpose() + "”无效：应为register（首次注册）或reinstall（重装后重新注册）",
                "purpose"));
        LocalDateTime now = clock.now();
        String group = point.level().nodeGroup();
        String token = tokens.issue(point.code(), group, purpose, staff.username(), now);
        log.info("Issued a {} registration token for point {} (group {}) by {}", purpose.code(), point.code(), group,
                staff.username());
        ctx.status(201).json(new Issued(point.code(), point.name(), group, purpose.code(), purpose.label(),
                printable(token), now.plus(RegistrationTokenStore.VALIDITY)));
    }

    private void list(Context ctx) {
        CentralAccess.requireAdmin(SessionGuard.staff(ctx));
        ServicePoint point = nodePoint(ctx.queryParam("point"));
        LocalDateTime now = clock.now();
        List<TokenItem> items = tokens.list(point.code()).stream().map(token -> item(token, now)).toList();
        ctx.json(items);
    }

    private void revoke(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        CentralAccess.requireAdmin(staff);
        ServicePoint point = nodePoint(Json.read(ctx, mapper, RevokeRequest.class).point());
        int revoked = tokens.revoke(point.code(), staff.username(), clock.now());
        log.info("Revoked {} unused registration tokens of point {} by {}", revoked, point.code(), staff.username());
        ctx.json(Map.of("point", point.code(), "revoked", revoked));
    }

    /** Returns whether the gate would admit the registration, without using the token. */
    private void check(Context ctx) {
        CheckRequest request = Json.read(ctx, mapper, CheckRequest.class);
        Optional<RegistrationRefusal> refusal;
        if (request.point() == null || request.point().isBlank() || request.group() == null
                || request.group().isBlank()) {
            refusal = Optional.of(RegistrationRefusal.UNKNOWN_POINT);
        } else {
            refusal = gate.get().check(request.point().strip(), request.group().strip(), request.token());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("admitted", refusal.isEmpty());
        refusal.ifPresent(reason -> {
            body.put("code", reason.code());
            body.put("message", reason.message());
        });
        ctx.json(body);
    }

    /** Finds a village or township point, the only points that run a node. */
    private ServicePoint nodePoint(String code) {
        if (code == null || code.isBlank()) {
            throw DomainException.invalid("missing_point", "请选择村（社区）或镇（街道）站点", "point");
        }
        ServicePoint point = points.find(code.strip()).orElseThrow(() -> DomainException.invalid("unknown_point",
                "站点代码“" + code + "”不在本县服务网络中", "point"));
        if (point.level() != PointLevel.VILLAGE && point.level() != PointLevel.TOWNSHIP) {
            throw DomainException.invalid("unknown_point",
                    point.name() + "不是村（社区）或镇（街道）站点，不运行节点，无需注册令牌", "point");
        }
        return point;
    }

    private static TokenItem item(RegistrationToken token, LocalDateTime now) {
        String state;
        String label;
        if (token.usedAt() != null) {
            state = "used";
            label = "已使用";
        } else if (token.revokedAt() != null) {
            state = "revoked";
            label = "已作废";
        } else if (!token.expiresAt().isAfter(now)) {
            state = "expired";
            label = "已过期";
        } else {
            state = "usable";
            label = "可使用";
        }
        return new TokenItem(token.purpose().code(), token.purpose().label(), token.issuedBy(), token.issuedAt(),
                token.expiresAt(), token.usedAt(), token.usedFrom(), token.revokedAt(), state, label);
    }

    /** Splits a token into dash-separated groups of five, e.g. {@code ABCDE-FGHJK-MNPQR-STUVW}. */
    static String printable(String token) {
        StringBuilder printed = new StringBuilder();
        for (int i = 0; i < token.length(); i += GROUP_LENGTH) {
            if (i > 0) {
                printed.append('-');
            }
            printed.append(token, i, Math.min(token.length(), i + GROUP_LENGTH));
        }
        return printed.toString();
    }
}
