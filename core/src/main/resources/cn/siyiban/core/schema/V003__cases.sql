-- Cases (办件) and their history. A case row and its material rows are written once, at
-- intake, by the point that took the case in; every later change is a new row of
-- sy_case_event, so offline edits at a node and decisions at central never update the same row.
-- Keys are UUIDs; the human case number embeds the point code, so it is unique county-wide
-- without coordination.
-- Text columns that hold citizens' names are sized in UTF-16 code units at twice the number of
-- characters allowed, because rare characters outside the BMP take two units.

CREATE TABLE sy_case (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_no           VARCHAR(40)   NOT NULL,
    origin_point      VARCHAR(20)   NOT NULL,
    matter_code       VARCHAR(32)   NOT NULL,
    matter_name       VARCHAR(200)  NOT NULL,
    department        VARCHAR(100),
    catalogue_version INTEGER       NOT NULL,
    applicant_name    VARCHAR(100)  NOT NULL,
    applicant_id_type VARCHAR(32)   NOT NULL,
    applicant_id_no   VARCHAR(40)   NOT NULL,
    applicant_phone   VARCHAR(20)   NOT NULL,
    applicant_address VARCHAR(200),
    proxy             BOOLEAN       NOT NULL,
    intake_clerk      VARCHAR(64)   NOT NULL,
    created_at        TIMESTAMP     NOT NULL,
    due_at            TIMESTAMP,
    request_key       VARCHAR(64),
    CONSTRAINT sy_case_case_no UNIQUE (case_no)
);

CREATE INDEX sy_case_point_created ON sy_case (origin_point, created_at);
CREATE INDEX sy_case_request_key ON sy_case (request_key);

-- The material list as the clerk checked it at intake, with names copied from the catalogue
-- version in force, so a later catalogue change never rewrites what the citizen handed in.
CREATE TABLE sy_case_material (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_id       VARCHAR(36)   NOT NULL,
    origin_point  VARCHAR(20)   NOT NULL,
    material_id   VARCHAR(40)   NOT NULL,
    ordinal       INTEGER       NOT NULL,
    name          VARCHAR(200)  NOT NULL,
    status        VARCHAR(16)   NOT NULL
);

CREATE INDEX sy_case_material_case ON sy_case_material (case_id, ordinal);

-- Insert-only history. origin_point is the case's point (routing key for events created at
-- central); event_point is where this event was recorded. prev_hash and hash chain the events
-- of one case, so a changed or removed row is detected.
CREATE TABLE sy_case_event (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_id       VARCHAR(36)   NOT NULL,
    origin_point  VARCHAR(20)   NOT NULL,
    event_point   VARCHAR(20)   NOT NULL,
    event_type    VARCHAR(32)   NOT NULL,
    actor         VARCHAR(64)   NOT NULL,
    occurred_at   TIMESTAMP     NOT NULL,
    detail        VARCHAR(4000),
    prev_hash     VARCHAR(64),
    hash          VARCHAR(64)   NOT NULL
);

CREATE INDEX sy_case_event_case ON sy_case_event (case_id, occurred_at);

-- Last case number sequence per point and day. Local to each database: the case number
-- already embeds the point code, so counters never need to agree across points.
CREATE TABLE sy_case_no_counter (
    point_code  VARCHAR(20)  NOT NULL,
    counter_date DATE        NOT NULL,
    last_value  INTEGER      NOT NULL,
    PRIMARY KEY (point_code, counter_date)
);
