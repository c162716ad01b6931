package cn.siyiban.core.reminders;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * One reminder of the outbox.
 *
 * @param id idempotency key: the same for every attempt, and derived from kind, case and target
 *           date so that planning the same reminder again finds this row
 * @param targetDate the deadline, collection day or expiry date the reminder is about
 * @param phone the citizen's full number; never log it, use {@code PhoneNumber.mask}
 * @param attempts sends tried so far
 * @param nextAttemptAt earliest time of the next attempt while the reminder is not sent
 * @param lastError reason of the latest failed attempt, null after a success
 */
public record Reminder(String id, ReminderKind kind, String caseId, String caseNo, LocalDate targetDate,
                       String phone, String message, ReminderState state, int attempts,
                       LocalDateTime nextAttemptAt, LocalDateTime createdAt, LocalDateTime sentAt,
                       String lastError) {

    /** Returns the id of the reminder of {@code kind} for case {@code caseId} about {@code targetDate}. */
    public static String idFor(ReminderKind kind, String caseId, LocalDate targetDate) {
        String name = kind.code() + "|" + caseId + "|" + targetDate;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
