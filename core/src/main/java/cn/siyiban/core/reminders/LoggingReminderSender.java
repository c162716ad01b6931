package cn.siyiban.core.reminders;

import cn.siyiban.core.applicant.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default sender: writes the reminder to the log instead of sending it, with the phone
 * masked. For a county that has no SMS gateway yet, and for demos.
 */
public final class LoggingReminderSender implements ReminderSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingReminderSender.class);

    @Override
    public String name() {
        return "log";
    }

    @Override
    public void send(Reminder reminder) {
        log.info("Reminder {} ({}) of case {} to {}: {}", reminder.id(), reminder.kind().code(), reminder.caseNo(),
                PhoneNumber.mask(reminder.phone()), reminder.message());
    }
}
