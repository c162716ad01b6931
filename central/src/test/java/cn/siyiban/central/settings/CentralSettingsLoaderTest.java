package cn.siyiban.central.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.settings.SettingsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CentralSettingsLoaderTest {

    private static CentralSettings load(Map<String, String> environment, String... args) {
        return CentralSettingsLoader.load(CentralSettingsLoader.parse(List.of(args)), environment);
    }

    @Test
    void defaultsNeedNoSettings() {
        CentralSettings settings = load(Map.of());

        assertEquals(Path.of("data/central"), settings.dataDir());
        assertEquals("0.0.0.0", settings.host());
        assertEquals(8080, settings.port());
        assertEquals("http://127.0.0.1:8080", settings.publicUrl());
        assertFalse(settings.demo());
        assertEquals("321323101001", settings.demoVillage());
        assertEquals("321323101000", settings.demoTownship());
        assertEquals(Path.of("data/central/logs"), settings.logDir());
        assertEquals(120, settings.sessionTimeoutMinutes());
        assertEquals(2_000, settings.syncTimings().pushMillis());
    }

    @Test
    void demoTownshipFollowsVillage() {
        CentralSettings settings = load(Map.of(), "--demo", "--demo-village", "321323101204", "--port=9000");

        assertTrue(settings.demo());
        assertEquals("321323101204", settings.demoVillage());
        assertEquals("321323101000", settings.demoTownship());
        assertEquals("http://127.0.0.1:9000", settings.publicUrl());
    }

    @Test
    void precedenceIsFileEnvironmentCommandLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("central.properties");
        Files.writeString(file, "http.port=9001\npublic.url=http://county.example:9001/\nsync.pull.period.ms=5000\n");

        CentralSettings fromFile = load(Map.of(), "--config", file.toString());
        CentralSettings fromEnvironment = load(Map.of("SIYIBAN_HTTP_PORT", "9002"), "--config", file.toString());
        CentralSettings fromCommandLine = load(Map.of("SIYIBAN_HTTP_PORT", "9002"), "--config", file.toString(),
                "--port", "9003");

        assertEquals(9001, fromFile.port());
        assertEquals("http://county.example:9001", fromFile.publicUrl());
        assertEquals(5_000, fromFile.syncTimings().pullMillis());
        assertEquals(9002, fromEnvironment.port());
        assertEquals(9003, fromCommandLine.port());
    }

    @Test
    void brokenValuesNameKeyAndRule() {
        SettingsException url = assertThrows(SettingsException.class,
                () -> load(Map.of("SIYIBAN_PUBLIC_URL", "county:8080")));
        SettingsException township = assertThrows(SettingsException.class,
                () -> load(Map.of(), "--demo-township", "321323101001"));
        SettingsException period = assertThrows(SettingsException.class,
                () -> load(Map.of("SIYIBAN_SYNC_PUSH_PERIOD_MS", "10")));
        SettingsException option = assertThrows(SettingsException.class, () -> load(Map.of(), "--point", "1"));

        assertTrue(url.getMessage().contains("public.url=\"county:8080\""), url.getMessage());
        assertTrue(url.getMessage().contains("SIYIBAN_PUBLIC_URL"), url.getMessage());
        assertTrue(township.getMessage().contains("must be a township point"), township.getMessage());
        assertTrue(period.getMessage().contains("100 到 3600000"), period.getMessage());
        assertTrue(option.getMessage().contains("--point"), option.getMessage());
    }
}
