-- The status a node reports about itself: free disk, database size and the versions it runs.
-- Each node writes only its own row, keyed by its point code, about once per heartbeat period,
-- and SymmetricDS sends it up to central, where the sync monitor shows it. Central never writes
-- this table. reported_at is the node's own clock.
CREATE TABLE sy_node_status (
    point_code        VARCHAR(20)  NOT NULL PRIMARY KEY,
    siyiban_version   VARCHAR(40)  NOT NULL,
    catalogue_version INTEGER      NOT NULL,
    free_disk_bytes   BIGINT       NOT NULL,
    total_disk_bytes  BIGINT       NOT NULL,
    database_bytes    BIGINT       NOT NULL,
    reported_at       TIMESTAMP    NOT NULL
);
