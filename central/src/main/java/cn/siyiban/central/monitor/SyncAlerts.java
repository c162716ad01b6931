package cn.siyiban.central.monitor;

import cn.siyiban.central.seals.SealUseLog;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.time.CountyClock;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Derives the open alerts from the node figures and the registrations central refused. An
 * alert's "since" is the time of its cause as central last saw it. For a full disk that is the
 * node's latest report, because central keeps no history of the disk figures.
 */
public final class SyncAlerts {

    /** A clock further than this from central's breaks due dates and the order of case events. */
    static final long MAX_CLOCK_OFFSET_SECONDS = 5 * 60;
    /** A refused registration stays an alert for this long after the latest attempt. */
    static final Duration REFUSAL_WINDOW = Duration.ofHours(24);
    /** A seal use without an approval reference stays an alert for this long after it was recorded. */
    static final Duration SEAL_WINDOW = Duration.ofDays(7);

    private final Database database;
    private final CountyClock clock;
    private final SealUseLog seals;

    public SyncAlerts(Database database, CountyClock clock) {
        this.database = database;
        this.clock = clock;
        this.seals = new SealUseLog(database, clock);
    }

    /** Returns the open alerts of {@code nodes}, newest cause first. */
    public List<SyncAlert> alerts(List<SyncNode> nodes) {
        List<SyncAlert> alerts = new ArrayList<>();
        for (SyncNode node : nodes) {
            if (SyncState.OFFLINE.code().equals(node.status())) {
                alerts.add(new SyncAlert("offline", node.point(), node.name(),
                        node.lastHeartbeat() == null ? "注册后从未收到心跳" : "超过离线阈值未收到心跳",
                        node.lastHeartbeat() != null ? node.lastHeartbeat() : node.registeredAt()));
            }
            if (node.errorBatches() > 0) {
                alerts.add(new SyncAlert("batch_error", node.point(), node.name(),
                        node.errorBatches() + " 个批次出错，请在节点详情中查看错误并重试",
                        node.oldestUnsent() != null ? node.oldestUnsent() : node.lastHeartbeat()));
            }
            Long offset = node.clockOffsetSeconds();
            if (offset != null && Math.abs(offset) > MAX_CLOCK_OFFSET_SECONDS) {
                alerts.add(new SyncAlert("clock_offset", node.point(), node.name(),
                        "节点时钟" + (offset > 0 ? "快" : "慢") + Math.abs(offset) / 60 + "分钟，请校准时间",
                        node.lastHeartbeat()));
            }
            NodeReport report = node.report();
            if (report != null && report.diskLow()) {
                alerts.add(new SyncAlert("disk_low", node.point(), node.name(),
                        "磁盘将满：剩余 " + megabytes(report.freeDiskBytes()) + " MB（" + report.freeDiskPercent()
                                + "%），数据库 " + megabytes(report.databaseBytes()) + " MB，请清理或更换磁盘",
                        report.reportedAt()));
            }
        }
        alerts.addAll(refusals());
        alerts.addAll(unapprovedSeals());
        alerts.sort(Comparator.comparing(SyncAlert::since, Comparator.nullsLast(Comparator.reverseOrder())));
        return alerts;
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }

    /** Seal uses without an approval reference; they belong to no node, so their point is null. */
    private List<SyncAlert> unapprovedSeals() {
        return seals.unapprovedSince(clock.now().minus(SEAL_WINDOW)).stream()
                .map(use -> new SyncAlert("seal_unapproved", null, "电子印章", "“" + use.seal() + "”用于“"
                        + use.document() + "”" + (use.caseNo() == null ? "" : "（办件" + use.caseNo() + "）")
                        + "，用印人 " + use.usedBy() + "，没有审批单号，请核查", use.recordedAt()))
                .toList();
    }

    private List<SyncAlert> refusals() {
        LocalDateTime from = clock.now().minus(REFUSAL_WINDOW);
        return database.query(connection -> {
            List<SyncAlert> alerts = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(SyncQueries.get("refusals"))) {
                select.setTimestamp(1, Timestamp.valueOf(from));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        String host = row.getString("remote_host");
                        alerts.add(new SyncAlert("unknown_registration", row.getString("point_code"), null,
                                "来自 " + (host == null ? "未知地址" : host) + " 的注册被拒绝 "
                                        + row.getInt("attempts") + " 次（" + row.getString("reason") + "），最近一次 "
                                        + row.getTimestamp("last_at").toLocalDateTime().withNano(0),
                                row.getTimestamp("first_at").toLocalDateTime()));
                    }
                }
            }
            return alerts;
        });
    }
}
