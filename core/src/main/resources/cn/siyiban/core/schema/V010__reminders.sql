-- Reminder outbox (依提醒办件). Each database keeps its own outbox and SymmetricDS never
-- captures it: a node owns the 容缺 supplement reminders of its own cases and central owns the
-- result collection and certificate expiry reminders, so no reminder has two senders.
-- The id is derived from the kind, the case and the target date, so planning the same reminder
-- twice finds the existing row. The SMS gateway receives the id as its idempotency key.
-- phone is the citizen's number and stays in this database only.
CREATE TABLE sy_reminder (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    kind            VARCHAR(32)   NOT NULL,
    case_id         VARCHAR(36)   NOT NULL,
    case_no         VARCHAR(40)   NOT NULL,
    target_date     DATE          NOT NULL,
    phone           VARCHAR(20)   NOT NULL,
    message         VARCHAR(500)  NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP     NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    sent_at         TIMESTAMP,
    last_error      VARCHAR(500)
);

CREATE INDEX sy_reminder_due ON sy_reminder (state, next_attempt_at);
CREATE INDEX sy_reminder_created ON sy_reminder (created_at);
