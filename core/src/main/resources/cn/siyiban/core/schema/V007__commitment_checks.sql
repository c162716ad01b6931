-- Verification of materials that an applicant replaced by a signed commitment (告知承诺).
-- Central records one result per committed material of a case. The table exists on every
-- database, but only central writes it and it is not synced.
CREATE TABLE sy_commitment_check (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_no       VARCHAR(40)   NOT NULL,
    material_id   VARCHAR(64)   NOT NULL,
    truthful      BOOLEAN       NOT NULL,
    note          VARCHAR(500),
    actor         VARCHAR(64)   NOT NULL,
    checked_at    TIMESTAMP     NOT NULL,
    CONSTRAINT sy_commitment_check_once UNIQUE (case_no, material_id)
);

-- False commitments, one row each, written at central and synced to every node so that intake
-- anywhere in the county rejects further commitments and 容缺 for that applicant. The applicant
-- is identified by applicant_key, a SHA-256 of the ID type and normalized ID number, so the
-- table that reaches every node carries no ID number or name. A row stops blocking once
-- cleared_at is set.
CREATE TABLE sy_commitment_block (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    applicant_key CHAR(64)      NOT NULL,
    case_no       VARCHAR(40)   NOT NULL,
    material_id   VARCHAR(64)   NOT NULL,
    recorded_by   VARCHAR(64)   NOT NULL,
    recorded_at   TIMESTAMP     NOT NULL,
    cleared_by    VARCHAR(64),
    cleared_at    TIMESTAMP
);

CREATE INDEX sy_commitment_block_applicant ON sy_commitment_block (applicant_key);
