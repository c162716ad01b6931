-- Rectification (整改) of bad ratings: central-only, never replicated. The Derby version of this
-- script, in ../derby/, has the same tables and trigger, and explains them. A rating whose
-- overall level is 1 or 2 opens one item, keyed by the rating id, from a trigger, so every way
-- a rating row arrives opens exactly one item. LOCALTIMESTAMP is in the session's time zone,
-- which the PostgreSQL JDBC driver sets to the JVM's default zone.
CREATE TABLE sy_rectification (
    rating_id     VARCHAR(36)   NOT NULL PRIMARY KEY,
    origin_point  VARCHAR(20)   NOT NULL,
    opened_at     TIMESTAMP     NOT NULL,
    due_on        DATE
);

CREATE FUNCTION sy_rectification_open() RETURNS trigger AS $$
BEGIN
    INSERT INTO sy_rectification (rating_id, origin_point, opened_at)
        VALUES (NEW.id, NEW.origin_point, LOCALTIMESTAMP);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER sy_rectification_on_bad_rating AFTER INSERT ON sy_rating
    FOR EACH ROW WHEN (NEW.overall <= 2) EXECUTE FUNCTION sy_rectification_open();

CREATE TABLE sy_rectification_step (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    rating_id     VARCHAR(36)   NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    assignee      VARCHAR(64),
    note          VARCHAR(1000) NOT NULL,
    acted_by      VARCHAR(64)   NOT NULL,
    acted_at      TIMESTAMP     NOT NULL
);

CREATE INDEX sy_rectification_step_item ON sy_rectification_step (rating_id, acted_at);
