-- One-time registration tokens that a county admin issues for one service point. Only the
-- SHA-256 hash of a token is stored, so a copy of the database cannot be used to register.
-- purpose 'register' admits a point's first machine; 'reinstall' admits a wiped or replaced
-- machine for a point that is already registered. Central-only: never replicated.
CREATE TABLE sy_registration_token (
    token_hash   VARCHAR(64)   NOT NULL PRIMARY KEY,
    point_code   VARCHAR(20)   NOT NULL,
    node_group   VARCHAR(20)   NOT NULL,
    purpose      VARCHAR(16)   NOT NULL,
    issued_by    VARCHAR(64)   NOT NULL,
    issued_at    TIMESTAMP     NOT NULL,
    expires_at   TIMESTAMP     NOT NULL,
    used_at      TIMESTAMP,
    used_from    VARCHAR(100),
    revoked_at   TIMESTAMP,
    revoked_by   VARCHAR(64)
);

CREATE INDEX sy_registration_token_point ON sy_registration_token (point_code, issued_at);

-- Registration attempts central refused, for the county admins' alerts: a second machine
-- claiming a registered point, a used or unknown token.
CREATE TABLE sy_registration_refusal (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    point_code   VARCHAR(20)   NOT NULL,
    node_group   VARCHAR(20),
    reason       VARCHAR(32)   NOT NULL,
    remote_host  VARCHAR(100),
    refused_at   TIMESTAMP     NOT NULL
);
