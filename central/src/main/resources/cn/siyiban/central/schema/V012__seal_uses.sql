-- Electronic seal uses on result documents (电子印章使用记录). Central only, never replicated:
-- a seal is applied at a department, which works at central. Insert-only under UUID keys; a row
-- with no approval reference is an unapproved use, which the sync monitor shows as an alert.
-- source is result_ready for a use recorded with the department's result-ready decision, api
-- for a use another system reported.
CREATE TABLE sy_seal_use (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_no       VARCHAR(40),
    document      VARCHAR(200)  NOT NULL,
    seal          VARCHAR(200)  NOT NULL,
    used_by       VARCHAR(64)   NOT NULL,
    used_at       TIMESTAMP     NOT NULL,
    approval_ref  VARCHAR(100),
    source        VARCHAR(16)   NOT NULL,
    recorded_by   VARCHAR(64)   NOT NULL,
    recorded_at   TIMESTAMP     NOT NULL
);

CREATE INDEX sy_seal_use_used ON sy_seal_use (used_at);
