package cn.siyiban.node.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.jumpmind.symmetric.io.IOfflineClientListener;
import org.jumpmind.symmetric.model.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether central is reachable, as SymmetricDS's push and pull jobs find it. SymmetricDS logs
 * every failed attempt, at WARN once an outage passes five minutes, which floods a village
 * node's log during a day-long outage. siyiban turns those loggers down and logs here instead:
 * one WARN when the link goes down and one INFO when it comes back.
 */
final class LinkState implements IOfflineClientListener {

    private static final Logger log = LoggerFactory.getLogger(LinkState.class);

    /** Reachability with the time it last changed. */
    record Snapshot(Boolean up, Instant since, String problem) {
    }

    private final String centralUrl;
    private final AtomicReference<Snapshot> state = new AtomicReference<>(new Snapshot(null, Instant.now(), null));

    LinkState(String centralUrl) {
        this.centralUrl = centralUrl;
    }

    Snapshot snapshot() {
        return state.get();
    }

    @Override
    public void online(Node remoteNode) {
        Snapshot before = state.getAndSet(new Snapshot(true, changedSince(true), null));
        if (Boolean.FALSE.equals(before.up())) {
            log.info("Contact with central {} restored after {} s of outage", centralUrl,
                    Duration.between(before.since(), Instant.now()).toSeconds());
        } else if (before.up() == null) {
            log.info("Connected to central {}", centralUrl);
        }
    }

    @Override
    public void offline(Node remoteNode) {
        down("无法连接县级中心，网络可能中断；办件已保存在本机，网络恢复后自动上传");
    }

    @Override
    public void notAuthenticated(Node remoteNode) {
        down("县级中心拒绝了本节点的身份验证，请联系县级管理员检查本节点的注册状态");
    }

    @Override
    public void busy(Node remoteNode) {
        // Central had no free connection this time; the next run retries, and the link is up.
    }

    @Override
    public void syncDisabled(Node remoteNode) {
        down("县级中心已停用本节点的同步，请联系县级管理员");
    }

    @Override
    public void registrationRequired(Node remoteNode) {
        down("本节点需要重新注册，请联系县级管理员签发注册令牌");
    }

    @Override
    public void unknownError(Node remoteNode, Exception error) {
        down("与县级中心同步时发生错误：" + error.getMessage());
    }

    private void down(String problem) {
        Snapshot before = state.getAndSet(new Snapshot(false, changedSince(false), problem));
        if (!Boolean.FALSE.equals(before.up())) {
            log.warn("Lost contact with central {}: {}; cases stay queued here until it returns", centralUrl, problem);
        }
    }

    private Instant changedSince(boolean up) {
        Snapshot current = state.get();
        return current.up() != null && current.up() == up ? current.since() : Instant.now();
    }
}
