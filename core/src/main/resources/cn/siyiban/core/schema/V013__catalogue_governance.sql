-- Catalogue governance. Central writes these rows and SymmetricDS sends them to every node as
-- reference data; nodes only read them at intake.

-- Certificates and proofs that the county removed as unnecessary (非必要证明). The intake form
-- shows them as "已取消，无需提供" so a clerk never asks for one. matter_code is null for a proof
-- removed for every matter. Keys are UUIDs, written at central only.
CREATE TABLE sy_cancelled_proof (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    matter_code   VARCHAR(32),
    name          VARCHAR(200)  NOT NULL,
    basis         VARCHAR(500),
    updated_by    VARCHAR(64)   NOT NULL,
    updated_at    TIMESTAMP     NOT NULL
);

CREATE INDEX sy_cancelled_proof_matter ON sy_cancelled_proof (matter_code);

-- The minimal-materials and minimal-steps lists (最少材料、最少环节) of a matter, one item per line.
CREATE TABLE sy_matter_minimal (
    matter_code   VARCHAR(32)    NOT NULL PRIMARY KEY,
    materials     VARCHAR(4000)  NOT NULL,
    steps         VARCHAR(4000)  NOT NULL,
    updated_by    VARCHAR(64)    NOT NULL,
    updated_at    TIMESTAMP      NOT NULL
);

-- Insert-only decisions to suspend or reactivate a matter. The latest row of a matter is its
-- status, and a matter without rows is active. decided_by is the admin who decided and reason
-- gives the grounds. A reactivation is an approval, so it needs both.
CREATE TABLE sy_matter_status (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    matter_code   VARCHAR(32)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    reason        VARCHAR(500)  NOT NULL,
    decided_by    VARCHAR(64)   NOT NULL,
    decided_at    TIMESTAMP     NOT NULL
);

CREATE INDEX sy_matter_status_matter ON sy_matter_status (matter_code, decided_at);
