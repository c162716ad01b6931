package cn.siyiban.node.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class SettingsLoaderTest {

    private static NodeSettings load(Map<String, String> environment, String... args) {
        return SettingsLoader.load(CommandLine.parse(List.of(args)), environment);
    }

    @Test
    void defaultsNeedPointCode() {
        SettingsException e = assertThrows(SettingsException.class, () -> load(Map.of()));

        assertTrue(e.getMessage().contains("point.code"), e.getMessage());
        assertTrue(e.getMessage().contains("缺少必填设置"), e.getMessage());
    }

    @Test
    void demoUsesDefaultVillage() {
        NodeSettings settings = load(Map.of(), "--demo");

        assertTrue(settings.demo());
        assertEquals("321323101001", settings.pointCode());
        assertEquals(8082, settings.port());
        assertEquals("0.0.0.0", settings.host());
        assertEquals(Path.of("data/node/logs"), settings.logDir());
    }

    @Test
    void precedenceIsFileEnvironmentCommandLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("node.properties");
        Files.writeString(file, "point.code=321323101004\nhttp.port=9001\nhttp.host=127.0.0.1\n");

        NodeSettings fromFile = load(Map.of(), "--config", file.toString());
        NodeSettings fromEnvironment = load(Map.of("SIYIBAN_HTTP_PORT", "9002"), "--config", file.toString());
        NodeSettings fromCommandLine = load(Map.of("SIYIBAN_HTTP_PORT", "9002"), "--config", file.toString(),
                "--port=9003");

        assertEquals(9001, fromFile.port());
        assertEquals("321323101004", fromFile.pointCode());
        assertEquals("127.0.0.1", fromFile.host());
        assertEquals(9002, fromEnvironment.port());
        assertEquals(9003, fromCommandLine.port());
    }

    @Test
    void brokenValueNamesKeyValueAndRule() {
        SettingsException port = assertThrows(SettingsException.class,
                () -> load(Map.of("SIYIBAN_HTTP_PORT", "80000"), "--demo"));
        SettingsException unknownPoint = assertThrows(SettingsException.class, () -> load(Map.of(), "--point", "999"));
        SettingsException county = assertThrows(SettingsException.class,
                () -> load(Map.of(), "--point", "321323000000"));

        assertTrue(port.getMessage().contains("http.port=\"80000\""), port.getMessage());
        assertTrue(port.getMessage().contains("SIYIBAN_HTTP_PORT"), port.getMessage());
        assertTrue(port.getMessage().contains("0 到 65535"), port.getMessage());
        assertTrue(unknownPoint.getMessage().contains("point.code=\"999\""), unknownPoint.getMessage());
        assertTrue(county.getMessage().contains("village or township"), county.getMessage());
    }

    @Test
    void unknownOptionAndFileKeyRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("node.properties");
        Files.writeString(file, "point.kode=321323101001\n");

        SettingsException option = assertThrows(SettingsException.class, () -> load(Map.of(), "--prot", "1"));
        SettingsException key = assertThrows(SettingsException.class,
                () -> load(Map.of(), "--config", file.toString()));

        assertTrue(option.getMessage().contains("--prot"), option.getMessage());
        assertTrue(key.getMessage().contains("point.kode"), key.getMessage());
    }

    @Test
    void symmetricParametersPassThrough(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("node.properties");
        Files.writeString(file, "point.code=321323101001\nsymmetric.job.purge.outgoing.cron=*/5 * * * * *\n");

        NodeSettings settings = load(Map.of(), "--config", file.toString());

        assertEquals(Map.of("job.purge.outgoing.cron", "*/5 * * * * *"),
                settings.sync().engineParameters().asMap());
    }

    @Test
    void reservedSymmetricParameterRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("node.properties");
        Files.writeString(file, "point.code=321323101001\nsymmetric.external.id=321323101002\n");

        SettingsException e = assertThrows(SettingsException.class, () -> load(Map.of(), "--config", file.toString()));

        assertTrue(e.getMessage().contains("external.id"), e.getMessage());
    }

    @Test
    void remindersDefaultToLogSender() {
        NodeSettings settings = load(Map.of(), "--demo");

        assertEquals("log", settings.reminders().sender());
        assertEquals(60_000, settings.reminders().periodMillis());
    }

    @Test
    void smsGatewayKeyFromEnvironmentIsHidden(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("node.properties");
        Files.writeString(file, "reminder.sender=http\nreminder.sms.url=https://sms.example/sms\n");

        NodeSettings settings = load(Map.of("SIYIBAN_REMINDER_SMS_KEY", "gw-k3y"), "--demo", "--config",
                file.toString());

        assertEquals("http", settings.reminders().sender());
        assertEquals("https://sms.example/sms", settings.reminders().smsUrl().toString());
        assertEquals("gw-k3y", settings.reminders().smsKey());
        assertTrue(!settings.toString().contains("gw-k3y"), settings.toString());
    }

    @Test
    void brokenReminderSettingsAreRejected(@TempDir Path dir) throws IOException {
        Path noKey = dir.resolve("no-key.properties");
        Files.writeString(noKey, "reminder.sender=http\nreminder.sms.url=https://sms.example/sms\n");
        Path badSender = dir.resolve("bad-sender.properties");
        Files.writeString(badSender, "reminder.sender=sms\n");
        Path shortPeriod = dir.resolve("short-period.properties");
        Files.writeString(shortPeriod, "reminder.period.ms=500\n");

        SettingsException key = assertThrows(SettingsException.class,
                () -> load(Map.of(), "--demo", "--config", noKey.toString()));
        SettingsException sender = assertThrows(SettingsException.class,
                () -> load(Map.of(), "--demo", "--config", badSender.toString()));
        SettingsException period = assertThrows(SettingsException.class,
                () -> load(Map.of(), "--demo", "--config", shortPeriod.toString()));

        assertTrue(key.getMessage().contains("reminder.sms.key"), key.getMessage());
        assertTrue(sender.getMessage().contains("应为 log 或 http"), sender.getMessage());
        assertTrue(period.getMessage().contains("reminder.period.ms=\"500\""), period.getMessage());
    }
}
