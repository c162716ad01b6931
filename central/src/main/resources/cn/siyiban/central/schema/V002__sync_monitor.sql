-- Actions county admins take on the sync network (retry a batch, reload a node, disable or
-- enable a node, issue or revoke a token), with who took them. Central-only: never replicated.
CREATE TABLE sy_audit_log (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    acted_at     TIMESTAMP     NOT NULL,
    actor        VARCHAR(64)   NOT NULL,
    action       VARCHAR(32)   NOT NULL,
    point_code   VARCHAR(20),
    target       VARCHAR(100),
    detail       VARCHAR(1000)
);

CREATE INDEX sy_audit_log_time ON sy_audit_log (acted_at);

-- Periodic samples of each node's backlog and lag, for the 7-day plot of the node page. The
-- figures come from SymmetricDS's tables at sampled_at (county time); rows older than the
-- retention are deleted by the sampler.
--   outgoing_*: batches and rows central holds for the node, not yet loaded by it
--   incoming_*: batches and rows the node reported in its heartbeat as not yet sent to central
--   lag_seconds: age of the oldest outgoing batch not yet loaded, 0 when none
--   last_push_at: latest batch central received from the node (central's clock)
--   clock_offset_seconds: node clock minus central clock, estimated from the heartbeat
CREATE TABLE sy_sync_sample (
    point_code            VARCHAR(20)   NOT NULL,
    sampled_at            TIMESTAMP     NOT NULL,
    outgoing_batches      INTEGER       NOT NULL,
    outgoing_rows         BIGINT        NOT NULL,
    incoming_batches      INTEGER,
    incoming_rows         BIGINT,
    error_batches         INTEGER       NOT NULL,
    lag_seconds           BIGINT        NOT NULL,
    last_push_at          TIMESTAMP,
    clock_offset_seconds  BIGINT,
    PRIMARY KEY (point_code, sampled_at)
);

CREATE INDEX sy_sync_sample_time ON sy_sync_sample (sampled_at);
