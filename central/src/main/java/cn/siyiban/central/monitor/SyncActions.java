package cn.siyiban.central.monitor;

import cn.siyiban.central.audit.AuditLog;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.web.ApiException;
import java.util.function.Supplier;
import org.jumpmind.symmetric.ISymmetricEngine;
import org.jumpmind.symmetric.common.Constants;
import org.jumpmind.symmetric.io.stage.IStagedResource;
import org.jumpmind.symmetric.model.AbstractBatch;
import org.jumpmind.symmetric.model.Node;
import org.jumpmind.symmetric.model.NodeSecurity;
import org.jumpmind.symmetric.model.OutgoingBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The actions a county admin takes on one node through central's SymmetricDS engine. Each
 * action is written to the audit log with the admin's user name.
 */
public final class SyncActions {

    private static final Logger log = LoggerFactory.getLogger(SyncActions.class);

    private final Supplier<ISymmetricEngine> engine;
    private final SyncNodeReader reader;
    private final AuditLog audit;

    public SyncActions(Supplier<ISymmetricEngine> engine, SyncNodeReader reader, AuditLog audit) {
        this.engine = engine;
        this.reader = reader;
        this.audit = audit;
    }

    /**
     * Sends an outgoing batch in error again from scratch: its staged file is deleted, so
     * SymmetricDS extracts the rows anew (picking up data an admin has corrected), and its status
     * goes back to 'NE' (new), so the node receives it on its next pull.
     */
    public void retryBatch(String admin, String point, long batchId) {
        ISymmetricEngine running = running();
        String nodeId = registeredNodeId(point);
        OutgoingBatch batch = running.getOutgoingBatchService().findOutgoingBatch(batchId, nodeId);
        if (batch == null) {
            if (running.getIncomingBatchService().findIncomingBatch(batchId, nodeId) != null) {
                throw new ApiException(409, "incoming_batch",
                        "这是节点发往县级中心的批次，节点每次推送时会自动重试，无需手动重试");
            }
            throw new DomainException(DomainException.Kind.NOT_FOUND, "batch_not_found",
                    "找不到发往该网点的批次 " + batchId);
        }
        if (batch.getStatus() != AbstractBatch.Status.ER) {
            throw new ApiException(409, "batch_not_in_error", "批次 " + batchId + " 当前不是错误状态，无需重试");
        }
        IStagedResource staged = running.getStagingManager().find(Constants.STAGING_CATEGORY_OUTGOING,
                batch.getStagedLocation(), batch.getBatchId());
        if (staged != null) {
            staged.delete();
        }
        batch.setStatus(AbstractBatch.Status.NE);
        batch.setErrorFlag(false);
        running.getOutgoingBatchService().updateOutgoingBatch(batch);
        audit.record(admin, "retry_batch", point, Long.toString(batchId),
                "重试出错的批次，通道 " + batch.getChannelId() + "，原错误：" + batch.getSqlMessage());
        log.info("Admin {} reset outgoing batch {} of node {} for a retry", admin, batchId, nodeId);
    }

    /**
     * Queues a reload of the reference data and the point's own rows to the node, the same
     * initial load it received at registration. Returns SymmetricDS's message.
     */
    public String reload(String admin, String point) {
        ISymmetricEngine running = running();
        String nodeId = registeredNodeId(point);
        String message = running.getDataService().reloadNode(nodeId, false, admin);
        audit.record(admin, "reload_node", point, nodeId, "重新发送基础数据（初始加载）：" + message);
        log.info("Admin {} queued a reload of node {}: {}", admin, nodeId, message);
        return message;
    }

    /**
     * Disables or enables a node. A disabled node's push and pull are rejected by central's
     * engine (SymmetricDS answers SYNC_DISABLED), and its registration stays closed; a new
     * registration needs a new token. SymmetricDS routes no change to a disabled node, so
     * enabling also queues a reload: the node gets the catalogue, its staff and its cases'
     * decisions that changed in the meantime.
     */
    public void setEnabled(String admin, String point, boolean enabled) {
        ISymmetricEngine running = running();
        String nodeId = registeredNodeId(point);
        Node node = running.getNodeService().findNode(nodeId);
        node.setSyncEnabled(enabled);
        running.getNodeService().save(node);
        if (!enabled) {
            NodeSecurity security = running.getNodeService().findNodeSecurity(nodeId);
            if (security != null && security.isRegistrationEnabled()) {
                security.setRegistrationEnabled(false);
                running.getNodeService().updateNodeSecurity(security);
            }
        }
        running.getNodeService().flushNodeCache();
        running.getNodeService().flushNodeAuthorizedCache();
        String reload = enabled ? running.getDataService().reloadNode(nodeId, false, admin) : null;
        audit.record(admin, enabled ? "enable_node" : "disable_node", point, nodeId,
                enabled ? "恢复节点同步，并重新发送停用期间的基础数据：" + reload : "停用节点同步（设备丢失或停用）");
        log.warn("Admin {} {} node {}", admin, enabled ? "enabled" : "disabled", nodeId);
    }

    private ISymmetricEngine running() {
        ISymmetricEngine running = engine.get();
        if (running == null) {
            throw new ApiException(503, "sync_not_started", "同步服务尚未启动，请稍后再试");
        }
        return running;
    }

    private String registeredNodeId(String point) {
        SyncNode node = reader.read(point);
        if (node == null) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "point_not_found", "找不到网点 " + point);
        }
        if (node.nodeId() == null || node.registeredAt() == null) {
            throw new ApiException(409, "node_not_registered", node.name() + "尚未注册节点");
        }
        return node.nodeId();
    }
}
