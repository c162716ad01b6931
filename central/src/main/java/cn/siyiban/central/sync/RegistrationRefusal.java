package cn.siyiban.central.sync;

/** The reason central rejected a node's registration, with the message shown at both ends. */
public enum RegistrationRefusal {
    UNKNOWN_POINT("unknown_point", "网点代码不在本县服务网络中，或网点级别与节点类型不符"),
    MISSING_TOKEN("missing_token", "缺少注册令牌：请向县级管理员申请本网点的注册令牌"),
    INVALID_TOKEN("invalid_token", "注册令牌无效，或不是为本网点签发的：请核对令牌"),
    TOKEN_USED("token_used", "注册令牌已被使用：每个令牌只能使用一次，请向县级管理员申请新令牌"),
    TOKEN_EXPIRED("token_expired", "注册令牌已过期：请向县级管理员申请新令牌"),
    TOKEN_REVOKED("token_revoked", "注册令牌已被县级管理员作废"),
    POINT_REGISTERED("point_registered",
            "本网点已由另一台设备注册。如确需更换或重装设备，请县级管理员签发“重装后重新注册”令牌；"
                    + "如果这台设备是复制的系统镜像，请勿使用");

    private final String code;
    private final String message;

    RegistrationRefusal(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }
}
