package cn.siyiban.node.local;

import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.web.ApiException;
import cn.siyiban.node.backup.BackupFolder;
import cn.siyiban.node.backup.OnlineBackup;
import cn.siyiban.node.sync.NodeSync;
import cn.siyiban.node.sync.SyncStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /local/*}: the API of the technician's commands ({@code siyiban-node status},
 * {@code backup}, {@code doctor}). It answers only requests from the node's own machine that carry
 * the {@link LocalToken}; everything else gets 404, so the LAN does not learn that it exists.
 */
public final class LocalRoutes {

    private static final Logger log = LoggerFactory.getLogger(LocalRoutes.class);

    /** The body of {@code POST /local/backup}. */
    public record BackupRequest(String dir, int keep) {
    }

    private final String token;
    private final String point;
    private final String version;
    private final Path dataDir;
    private final CaseStore cases;
    private final Database database;
    private final NodeSync sync;
    private final OnlineBackup backup;
    private final CountyClock clock;
    private final LocalDateTime startedAt;

    /** @param sync the engine, or null for a standalone node */
    public LocalRoutes(String token, String point, String version, Path dataDir, Database database, NodeSync sync,
                       CountyClock clock) {
        this.token = token;
        this.point = point;
        this.version = version;
        this.dataDir = dataDir;
        this.database = database;
        this.cases = new CaseStore(database);
        this.sync = sync;
        this.backup = new OnlineBackup(database, point, version);
        this.clock = clock;
        this.startedAt = clock.now();
    }

    public void register(RoutesConfig routes) {
        routes.before("/local/*", this::requireLocal);
        routes.get("/local/status", ctx -> ctx.json(report()));
        routes.post("/local/backup", this::backup);
        routes.get("/local/database-check", ctx -> ctx.json(database.query(DatabaseCheck::run)));
    }

    private void requireLocal(Context ctx) {
        String sent = ctx.header(LocalToken.HEADER);
        boolean tokenMatches = sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
        if (!isLoopback(ctx.ip()) || !tokenMatches) {
            throw new ApiException(404, "not_found", "没有这个页面");
        }
    }

    private static boolean isLoopback(String ip) {
        try {
            return InetAddress.getByName(ip).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private NodeReport report() throws IOException {
        SyncStatus status = sync == null ? SyncStatus.standalone() : sync.status();
        Boolean loaded = sync == null ? null : sync.initialLoadReceived();
        FileStore store = Files.getFileStore(dataDir);
        Integer count;
        try {
            count = cases.count();
        } catch (RuntimeException e) {
            count = null;
        }
        return new NodeReport(point, version, startedAt, Duration.between(startedAt, clock.now()).toSeconds(), count,
                status, loaded, dataDir.toAbsolutePath().toString(), store.getUsableSpace(), store.getTotalSpace());
    }

    private void backup(Context ctx) {
        BackupRequest request = ctx.bodyAsClass(BackupRequest.class);
        if (request.dir() == null || request.dir().isBlank() || !Path.of(request.dir()).isAbsolute()) {
            throw new ApiException(400, "invalid_backup_dir", "备份文件夹必须是绝对路径：" + request.dir());
        }
        if (request.keep() < 1 || request.keep() > 365) {
            throw new ApiException(400, "invalid_keep", "保留份数应为 1 到 365，收到 " + request.keep());
        }
        BackupFolder made;
        try {
            made = backup.backup(Path.of(request.dir()), request.keep(), clock.now());
        } catch (RuntimeException e) {
            log.error("Backup of point {} to {} failed", point, request.dir(), e);
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ApiException(500, "backup_failed", "备份到 " + request.dir() + " 失败：" + cause);
        }
        ctx.json(java.util.Map.of("path", made.path().toString(), "created", made.created().toString(),
                "sizeBytes", made.sizeBytes()));
    }
}
