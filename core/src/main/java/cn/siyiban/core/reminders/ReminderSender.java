package cn.siyiban.core.reminders;

/**
 * Delivers one reminder to the citizen. The outbox calls it at least once per reminder and
 * passes the same {@link Reminder#id()} on every attempt, so a sender whose receiver honours
 * that key as an idempotency key delivers each reminder once.
 */
public interface ReminderSender {

    /** Short name for logs and the reminders page, such as {@code log} or {@code http}. */
    String name();

    /** Sends {@code reminder}, or throws {@link SendException} when it was not accepted. */
    void send(Reminder reminder) throws SendException;

    /** A send that failed; the outbox retries it later. The message never contains the phone or a key. */
    final class SendException extends Exception {

        public SendException(String message) {
            super(message);
        }

        public SendException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
