package cn.siyiban.core.reminders;

import cn.siyiban.core.settings.SettingValues;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Reminder sending settings of node or central, read from the settings file.
 *
 * @param sender {@code log} (the default: write reminders to the log only) or {@code http}
 * @param smsUrl the SMS gateway's URL; only for the {@code http} sender
 * @param smsKey the SMS gateway's API key; never logged, and {@link #toString} hides it
 * @param periodMillis time between two runs of the outbox; 0 means reminders are neither planned
 *                     nor sent
 */
public record ReminderSettings(String sender, URI smsUrl, String smsKey, long periodMillis) {

    public static final String SENDER = "reminder.sender";
    public static final String SMS_URL = "reminder.sms.url";
    /** May also come from the environment variable {@code SIYIBAN_REMINDER_SMS_KEY}, to keep it out of the file. */
    public static final String SMS_KEY = "reminder.sms.key";
    public static final String PERIOD_MS = "reminder.period.ms";
    public static final List<String> KEYS = List.of(SENDER, SMS_URL, SMS_KEY, PERIOD_MS);
    /** One minute: reminders are about days, so a minute's delay never matters. */
    public static final long DEFAULT_PERIOD_MS = 60_000;
    public static final Map<String, String> DEFAULTS = Map.of(SENDER, "log", PERIOD_MS,
            String.valueOf(DEFAULT_PERIOD_MS));

    /** Returns the default: log reminders every minute. */
    public static ReminderSettings defaults() {
        return new ReminderSettings("log", null, null, DEFAULT_PERIOD_MS);
    }

    /** Returns settings that send through the HTTP SMS gateway at {@code url}. */
    public static ReminderSettings http(URI url, String key, long periodMillis) {
        return new ReminderSettings("http", url, key, periodMillis);
    }

    /** Reads and checks the reminder keys; a broken value stops the start with its key and rule. */
    public static ReminderSettings load(SettingValues values) {
        String sender = values.nonBlank(SENDER);
        long period = values.longInteger(PERIOD_MS, 0, 86_400_000);
        if (period > 0 && period < 1_000) {
            throw values.invalid(PERIOD_MS, "应为 0（关闭）或至少 1000 毫秒 must be 0 (off) or at least 1000 ms");
        }
        if ("log".equals(sender)) {
            return new ReminderSettings(sender, null, null, period);
        }
        if (!"http".equals(sender)) {
            throw values.invalid(SENDER, "应为 log 或 http must be log or http");
        }
        URI url = URI.create(values.httpUrl(SMS_URL));
        String key = values.has(SMS_KEY) ? values.text(SMS_KEY) : "";
        if (key == null || key.isEmpty()) {
            throw values.invalid(SMS_KEY, "使用 http 短信网关时必须设置密钥 is required when " + SENDER + "=http");
        }
        return new ReminderSettings(sender, url, key, period);
    }

    /** Builds the configured sender. */
    public ReminderSender newSender() {
        return "http".equals(sender) ? new HttpSmsSender(smsUrl, smsKey) : new LoggingReminderSender();
    }

    @Override
    public String toString() {
        return "ReminderSettings[sender=" + sender + ", smsUrl=" + smsUrl + ", smsKey="
                + (smsKey == null ? "none" : "(hidden)") + ", periodMillis=" + periodMillis + "]";
    }
}
