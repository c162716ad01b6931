package cn.siyiban.central.monitor;

/** The state of one point's node on the monitor, in the order the rules are checked. */
public enum SyncState {
    UNREGISTERED("unregistered", "未注册"),
    /** Disabled by an admin, for example after the mini PC was stolen; central rejects its sync. */
    DISABLED("disabled", "已停用"),
    ERROR("error", "错误"),
    OFFLINE("offline", "离线"),
    BEHIND("behind", "滞后"),
    OK("ok", "正常");

    private final String code;
    private final String label;

    SyncState(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }
}
