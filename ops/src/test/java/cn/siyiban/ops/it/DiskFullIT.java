package cn.siyiban.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fills the disk under a node's data folder for real, on a 64 MiB tmpfs mounted for the test.
 * Intake then fails with 507 storage_full and a Chinese message, and no case is saved in part.
 * Once space returns, the node takes in cases again without a restart.
 *
 * <p>Mounting needs root, which CI has; elsewhere the test is skipped.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DiskFullIT {

    private static final int MAX_FORMS = 3_000;

    @Test
    void fullDiskRejectsIntakeAndRecovers() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        Path base = Path.of(System.getProperty("siyiban.it.dir", "target/it"));
        Files.createDirectories(base);
        Path mount = Files.createTempDirectory(base, "disk-full-");
        run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", mount.toString());
        ServerProcess node = null;
        try {
            node = ServerProcess.of("node", SyncCluster.nodeJar(), mount.resolve("node"), ServerProcess.freePort(),
                    List.of("--demo", "--point", SyncCluster.VILLAGE)).start();
            ClerkLoad forms = new ClerkLoad(node.baseUrl(), "clerk", "disk", MAX_FORMS);
            Api clerk = Api.login(node.baseUrl(), "clerk", SyncCluster.PASSWORD);
            Path filler = mount.resolve("filler");
            fill(filler);

            int saved = 0;
            Api.Response refused = null;
            for (int i = 0; i < MAX_FORMS && refused == null; i++) {
                Api.Response response = clerk.post("/api/cases", forms.form(i));
                if (response.status() == 201) {
                    saved++;
                } else {
                    refused = response;
                }
            }
            assertTrue(refused != null, "the full disk never refused an intake");
            System.out.printf("Disk full after %d more cases%n", saved);
            assertEquals(507, refused.status(), refused.body());
            assertEquals("storage_full", refused.json().path("code").asText());
            assertTrue(refused.json().path("message").asText().contains("磁盘已满"), refused.body());
            Api.Response again = clerk.post("/api/cases", forms.form(MAX_FORMS - 1));
            assertEquals(507, again.status(), "while the disk stays full: " + again.body());

            Files.delete(filler);
            Api.Response recovered = Waits.until(Duration.ofSeconds(60),
                    () -> clerk.post("/api/cases", forms.form(MAX_FORMS - 1)), response -> response.status() == 201);
            assertEquals(201, recovered.status(), "after space returned: " + recovered.body());

            node.stop();
            Path db = mount.resolve("node").resolve("db");
            long cases = DerbyFiles.count(db, "SELECT COUNT(*) FROM sy_case");
            assertEquals(saved + 1, cases, "cases saved");
            // Intake records every material of the matter, received or not.
            assertEquals(0, DerbyFiles.count(db, "SELECT COUNT(*) FROM sy_case c WHERE (SELECT COUNT(*) FROM "
                    + "sy_case_material m WHERE m.case_id = c.id) <> (SELECT COUNT(*) FROM sy_material "
                    + "WHERE matter_code = c.matter_code)"), "cases without all their materials");
            assertEquals(0, DerbyFiles.count(db, "SELECT COUNT(*) FROM sy_case c WHERE NOT EXISTS (SELECT 1 FROM "
                    + "sy_case_event e WHERE e.case_id = c.id AND e.event_type = 'intake')"), "cases without intake event");
            assertEquals(0, DerbyFiles.count(db, "SELECT COUNT(*) FROM sy_case_material m WHERE NOT EXISTS "
                    + "(SELECT 1 FROM sy_case c WHERE c.id = m.case_id)"), "materials without a case");
            assertEquals(0, DerbyFiles.count(db, "SELECT COUNT(*) FROM sy_case_event e WHERE NOT EXISTS "
                    + "(SELECT 1 FROM sy_case c WHERE c.id = e.case_id)"), "events without a case");
        } finally {
            if (node != null) {
                node.kill();
            }
            run("umount", mount.toString());
        }
    }

    /** Writes zeros to {@code file} until the file system has no space left. */
    private static void fill(Path file) {
        byte[] block = new byte[1 << 20];
        try (FileOutputStream out = new FileOutputStream(file.toFile())) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            // No space left on device: the disk is full.
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), String.join(" ", command) + " timed out");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
    }
}
