package cn.siyiban.central.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The central scripts that were split per dialect keep, in their Derby version, the exact text
 * that existing Derby centrals ran, so their recorded checksums still match.
 */
class DerbyScriptChecksumTest {

    /** SHA-256 of each script as released before the split, which Derby centrals recorded. */
    private static final Map<String, String> RELEASED = Map.of(
            "V003__case_arrival.sql", "2dadfc3f2d76e1b85e94065273347341f61668e032cdca902fac671ada26969d",
            "V004__arrival_clock.sql", "b1ae9aa352185dec1d7cdb2cacb6542e97fac7b0e3ecb78e6bcb53b07dd7723b");

    @Test
    void derbyVersionsMatchReleasedScripts() throws Exception {
        for (Map.Entry<String, String> script : RELEASED.entrySet()) {
            String path = "/cn/siyiban/central/schema/derby/" + script.getKey();
            try (InputStream in = DerbyScriptChecksumTest.class.getResourceAsStream(path)) {
                assertNotNull(in, path);
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
                assertEquals(script.getValue(), HexFormat.of().formatHex(digest), path);
            }
        }
    }
}
