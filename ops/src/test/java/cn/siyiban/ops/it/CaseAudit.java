package cn.siyiban.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compares the cases of one point in a stopped node's Derby files with central's, row by row:
 * what the clerks got acknowledged must be at central exactly once and unchanged. Also waits,
 * while both run, until sync has delivered them.
 */
final class CaseAudit {

    private static final String CASES = "SELECT case_no, request_key, applicant_name, applicant_id_no, "
            + "applicant_phone, applicant_address, matter_code, catalogue_version, proxy, created_at, due_at "
            + "FROM sy_case WHERE origin_point = '%s'";
    private static final String MATERIALS = "SELECT c.case_no, m.material_id, m.ordinal, m.name, m.status "
            + "FROM sy_case_material m JOIN sy_case c ON c.id = m.case_id WHERE c.origin_point = '%s'";
    private static final String EVENTS = "SELECT c.case_no, e.event_type, e.occurred_at, e.prev_hash, e.hash "
            + "FROM sy_case_event e JOIN sy_case c ON c.id = e.case_id WHERE c.origin_point = '%s'";

    private static final String UNSENT_BATCHES = "SELECT batch_id, node_id, channel_id, status, data_row_count, "
            + "sent_count, load_flag, error_flag, create_time, last_update_time, sql_message "
            + "FROM sym_outgoing_batch WHERE status <> 'OK' AND channel_id <> 'heartbeat'";

    /** A log line of level WARN or ERROR, after its date and time. */
    private static final Pattern WARNING = Pattern.compile("^\\S+ \\S+ (WARN|ERROR) ");

    private CaseAudit() {
    }

    /**
     * Asserts that central has exactly the node's cases of {@code point}, with the same case,
     * material and event rows, one case per request key, and every acknowledged form among them
     * with what the clerk typed.
     */
    static void assertCentralMatchesNode(Path nodeDb, Path centralDb, String point,
                                         Map<String, ClerkLoad.Acknowledged> acknowledged) {
        List<List<String>> nodeCases = DerbyFiles.rows(nodeDb, CASES.formatted(point));
        List<List<String>> centralCases = DerbyFiles.rows(centralDb, CASES.formatted(point));

        Map<String, List<String>> centralByCaseNo = new HashMap<>();
        for (List<String> row : centralCases) {
            assertTrue(centralByCaseNo.put(row.get(0), row) == null, "case " + row.get(0) + " twice at central");
        }
        Set<String> requestKeys = new HashSet<>();
        for (List<String> row : centralCases) {
            assertTrue(row.get(1) == null || requestKeys.add(row.get(1)),
                    "request key " + row.get(1) + " created two cases at central");
        }

        for (ClerkLoad.Acknowledged form : acknowledged.values()) {
            List<String> row = centralByCaseNo.get(form.caseNo());
            assertTrue(row != null, "acknowledged case " + form.caseNo() + " is missing at central");
            assertEquals(form.requestKey(), row.get(1), form.caseNo());
            assertEquals(form.name(), row.get(2), form.caseNo());
            assertEquals(form.idNumber(), row.get(3), form.caseNo());
            assertEquals(form.phone(), row.get(4), form.caseNo());
        }

        assertEquals(new HashSet<>(nodeCases), new HashSet<>(centralCases), "case rows of " + point);
        assertEquals(nodeCases.size(), centralCases.size(), "case count of " + point);
        assertEquals(new HashSet<>(DerbyFiles.rows(nodeDb, MATERIALS.formatted(point))),
                new HashSet<>(DerbyFiles.rows(centralDb, MATERIALS.formatted(point))), "material rows of " + point);
        assertEquals(new HashSet<>(DerbyFiles.rows(nodeDb, EVENTS.formatted(point))),
                new HashSet<>(DerbyFiles.rows(centralDb, EVENTS.formatted(point))), "event rows of " + point);
    }

    /** Waits until central has every case in {@code caseNumbers} and the node has nothing left to push. */
    static void awaitAtCentral(SyncCluster cluster, ServerProcess node, String clerkName, Set<String> caseNumbers) {
        awaitAtCentral(cluster, node, clerkName, caseNumbers, SyncCluster.SYNC_TIMEOUT);
    }

    /**
     * Waits as {@link #awaitAtCentral(SyncCluster, ServerProcess, String, Set)} does, up to
     * {@code timeout}. A request that fails counts as "not there yet": while central loads a
     * large reload batch, a read of a row in that batch waits for its transaction.
     */
    static void awaitAtCentral(SyncCluster cluster, ServerProcess node, String clerkName, Set<String> caseNumbers,
                               Duration timeout) {
        Api admin = Api.login(cluster.centralUrl(), "admin", SyncCluster.PASSWORD);
        Set<String> missing = new HashSet<>(caseNumbers);
        Instant deadline = Instant.now().plus(timeout);
        while (!missing.isEmpty() && Instant.now().isBefore(deadline)) {
            missing.removeIf(caseNo -> arrived(admin, caseNo));
            if (!missing.isEmpty()) {
                Waits.pause();
            }
        }
        assertEquals(Set.of(), missing, "acknowledged cases missing at central");
        Api clerk = Api.login(node.baseUrl(), clerkName, SyncCluster.PASSWORD);
        JsonNode state = Waits.until(SyncCluster.SYNC_TIMEOUT, () -> clerk.get("/api/sync").json(),
                sync -> sync.path("batchesWaiting").asLong(-1) == 0);
        if (state.path("batchesWaiting").asLong(-1) != 0) {
            fail("node " + node.dataDir().getFileName() + " still has batches to push: " + state
                    + "; unsent batches in its database: " + unsentBatches(cluster, node));
        }
    }

    /**
     * Stops {@code node} and returns its outgoing batches that central has not acknowledged, with
     * the log lines of node and central that name them, so that a failure shows which batch
     * stayed and why.
     */
    private static String unsentBatches(SyncCluster cluster, ServerProcess node) {
        node.stop();
        List<List<String>> batches = DerbyFiles.rows(node.dataDir().resolve("db"), UNSENT_BATCHES);
        StringBuilder report = new StringBuilder(batches.toString());
        report.append(linesNaming(node.log(), batches, true));
        report.append(linesNaming(cluster.central.log(), batches, false));
        return report.toString();
    }

    /**
     * Returns the last lines of {@code log} that name one of {@code batches}, as SymmetricDS
     * writes a batch ("node-batch"), and with {@code warnings} also every warning and error.
     */
    private static String linesNaming(Path log, List<List<String>> batches, boolean warnings) {
        StringBuilder lines = new StringBuilder(System.lineSeparator()).append(log.getFileName()).append(':');
        Pattern named = Pattern.compile("-(" + String.join("|", batches.stream().map(batch -> batch.get(0)).toList())
                + ")\\b");
        try (Stream<String> all = Files.lines(log)) {
            List<String> matching = all.filter(line -> warnings && WARNING.matcher(line).find()
                    || !batches.isEmpty() && named.matcher(line).find()).toList();
            // Earlier kills leave many warnings, so keep the last lines, which follow the stuck batch.
            matching.subList(Math.max(0, matching.size() - 80), matching.size())
                    .forEach(line -> lines.append(System.lineSeparator()).append(line));
        } catch (IOException e) {
            lines.append(" unreadable: ").append(e.getMessage());
        }
        return lines.toString();
    }

    private static boolean arrived(Api admin, String caseNo) {
        try {
            return admin.get("/api/cases/" + caseNo).status() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }
}
