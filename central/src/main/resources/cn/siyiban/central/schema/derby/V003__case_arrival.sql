-- When each case reached central, in central's own clock, to flag cases whose node clock was
-- off. A node writes sy_case.created_at with its own clock, and deadlines stay computed from that
-- time; this table only lets reviewers see when the two clocks disagree. Central-only: never
-- replicated.
--
-- A Derby trigger fills it, so every way a case row arrives (a push, the reverse initial load at
-- registration, a test writing directly) is covered without a SymmetricDS extension. Derby's
-- CURRENT_TIMESTAMP is in the JVM's default time zone; the reader converts it through
-- java.sql.Timestamp, which uses the same zone, to county time.
CREATE TABLE sy_case_arrival (
    case_no     VARCHAR(40)   NOT NULL PRIMARY KEY,
    case_id     VARCHAR(36)   NOT NULL,
    arrived_at  TIMESTAMP     NOT NULL
);

CREATE TRIGGER sy_case_arrival_on_insert AFTER INSERT ON sy_case
    REFERENCING NEW AS arrived FOR EACH ROW
    INSERT INTO sy_case_arrival (case_no, case_id, arrived_at)
    VALUES (arrived.case_no, arrived.id, CURRENT_TIMESTAMP);
