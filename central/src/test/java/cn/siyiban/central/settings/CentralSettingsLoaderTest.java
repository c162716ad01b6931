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

    @Test
    void rectificationDeadlineDefaultsToFiveWorkingDays() {
        assertEquals(5, load(Map.of()).rectificationWorkingDays());
        assertEquals(10, load(Map.of("SIYIBAN_RECTIFICATION_WORKING_DAYS", "10")).rectificationWorkingDays());

        SettingsException zero = assertThrows(SettingsException.class,
                () -> load(Map.of("SIYIBAN_RECTIFICATION_WORKING_DAYS", "0")));
        assertTrue(zero.getMessage().contains("rectification.working.days"), zero.getMessage());
    }

    @Test
    void databaseIsDerbyUnlessUrlIsSet() {
        assertTrue(load(Map.of()).database().isEmbedded());
    }

    @Test
    void postgresPasswordComesFromEnvironment(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("central.properties");
        Files.writeString(file, "db.url=jdbc:postgresql://db.example:5432/siyiban\ndb.user=siyiban\n");

        DatabaseSettings database = load(Map.of("SIYIBAN_DB_PASSWORD", "s3cret-pw"), "--config", file.toString())
                .database();

        assertFalse(database.isEmbedded());
        assertEquals("jdbc:postgresql://db.example:5432/siyiban", database.url());
        assertEquals("siyiban", database.user());
        assertEquals("s3cret-pw", database.password());
        assertFalse(database.toString().contains("s3cret-pw"), database.toString());
    }

    @Test
    void postgresSettingsAreChecked(@TempDir Path dir) throws IOException {
        Path noUser = Files.writeString(dir.resolve("no-user.properties"),
                "db.url=jdbc:postgresql://db.example/siyiban\n");
        Path otherDatabase = Files.writeString(dir.resolve("mysql.properties"),
                "db.url=jdbc:mysql://db.example/siyiban\ndb.user=siyiban\n");
        Path passwordInUrl = Files.writeString(dir.resolve("url-password.properties"),
                "db.url=jdbc:postgresql://db.example/siyiban?password=s3cret-pw\ndb.user=siyiban\n");
        Path noUrl = Files.writeString(dir.resolve("no-url.properties"), "db.user=siyiban\n");

        SettingsException missingUser = assertThrows(SettingsException.class,
                () -> load(Map.of(), "--config", noUser.toString()));
        SettingsException unsupported = assertThrows(SettingsException.class,
                () -> load(Map.of(), "--config", otherDatabase.toString()));
        SettingsException leaked = assertThrows(SettingsException.class,
                () -> load(Map.of(), "--config", passwordInUrl.toString()));
        SettingsException missingUrl = assertThrows(SettingsException.class,
                () -> load(Map.of(), "--config", noUrl.toString()));

        assertTrue(missingUser.getMessage().contains("db.user"), missingUser.getMessage());
        assertTrue(unsupported.getMessage().contains("jdbc:postgresql://"), unsupported.getMessage());
        assertFalse(leaked.getMessage().contains("s3cret-pw"), leaked.getMessage());
        assertTrue(missingUrl.getMessage().contains("db.url"), missingUrl.getMessage());
    }
}
