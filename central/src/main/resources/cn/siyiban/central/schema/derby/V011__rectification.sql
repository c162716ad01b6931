-- Rectification (整改) of bad ratings: central-only, never replicated. A rating whose overall
-- level is 1 or 2 opens one item, keyed by the rating id. A Derby trigger opens it, so every way
-- a rating row arrives (a push, the reverse initial load at registration, a test writing
-- directly) opens an item. A row that SymmetricDS delivers again becomes an update, which fires
-- no insert trigger, and the primary key rejects a second item, so each rating opens one item. due_on is filled in by
-- the application, because the deadline counts working days of the holiday calendar.
-- opened_at is Derby's CURRENT_TIMESTAMP in the JVM's default time zone.
CREATE TABLE sy_rectification (
    rating_id     VARCHAR(36)   NOT NULL PRIMARY KEY,
    origin_point  VARCHAR(20)   NOT NULL,
    opened_at     TIMESTAMP     NOT NULL,
    due_on        DATE
);

CREATE TRIGGER sy_rectification_on_bad_rating AFTER INSERT ON sy_rating
    REFERENCING NEW AS rated FOR EACH ROW
    WHEN (rated.overall <= 2)
    INSERT INTO sy_rectification (rating_id, origin_point, opened_at)
    VALUES (rated.id, rated.origin_point, CURRENT_TIMESTAMP);

-- The history of an item, insert-only: assign (names the assignee, who owns the item), verify
-- (核实), rectify (整改) and reply (回复群众, which closes the item). The latest assign step
-- names the current owner.
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
