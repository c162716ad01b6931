-- When each case reached central, in central's own clock, to flag cases whose node clock was
-- off. A node writes sy_case.created_at with its own clock, and deadlines stay computed from that
-- time; this table only lets reviewers see when the two clocks disagree. Central-only: never
-- replicated. The Derby version of this script, in ../derby/, has the same table and trigger.
--
-- A trigger fills it, so every way a case row arrives (a push, the reverse initial load at
-- registration, a test writing directly) is covered without a SymmetricDS extension.
-- LOCALTIMESTAMP is in the session's time zone, which the PostgreSQL JDBC driver sets to the
-- JVM's default zone; the reader converts it through java.sql.Timestamp, which uses the same
-- zone, to county time.
CREATE TABLE sy_case_arrival (
    case_no     VARCHAR(40)   NOT NULL PRIMARY KEY,
    case_id     VARCHAR(36)   NOT NULL,
    arrived_at  TIMESTAMP     NOT NULL
);

CREATE FUNCTION sy_case_arrival_record() RETURNS trigger AS $$
BEGIN
    INSERT INTO sy_case_arrival (case_no, case_id, arrived_at)
        VALUES (NEW.case_no, NEW.id, LOCALTIMESTAMP);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER sy_case_arrival_on_insert AFTER INSERT ON sy_case
    FOR EACH ROW EXECUTE FUNCTION sy_case_arrival_record();
