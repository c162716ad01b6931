-- Queries of central's sync monitor over SymmetricDS's own tables (symmetric-core 3.15.22).
-- A node's external id is its point code. Its node id is normally the same, but SymmetricDS
-- may pick another when that id is taken, so the batches, which name the node id, are matched
-- to points through sym_node. Each section starts with a "-- name:" line, by which
-- SyncQueries finds it. The overview runs each query once for all nodes, never once per node.
-- It reads sym_outgoing_batch once, for the batches not yet loaded. The last pull needs every
-- loaded batch, so the sampler finds it once per period (outgoing_last_loaded). The overview
-- takes it from the latest sample. docs/benchmarks.md has the measured times.

-- name: nodes
-- One row per node in sym_node, central itself included. registration_time stays null until
-- the node has registered. batch_to_send_count and data_rows_to_send_count are the node's own
-- unsent batches towards central, which a node reports in its heartbeat because
-- heartbeat.update.node.with.batch.status is on; -1 or null before its first report.
SELECT n.node_id, n.external_id, n.node_group_id, n.sync_enabled, n.symmetric_version, n.config_version,
       n.batch_to_send_count, n.data_rows_to_send_count, s.registration_time, s.registration_enabled,
       s.initial_load_time
  FROM sym_node n
  LEFT JOIN sym_node_security s ON s.node_id = n.node_id

-- name: hosts
-- One row per host that sent a heartbeat; a node normally has one. heartbeat_time is written by
-- the node in its own clock.
SELECT node_id, host_name, ip_address, symmetric_version, heartbeat_time, last_restart_time
  FROM sym_node_host

-- name: outgoing_pending
-- Batches central holds for each node that the node has not loaded yet. 'OK' is loaded and
-- 'IG' was ignored on purpose, so neither is listed. 'ER' failed to load at the node and
-- SymmetricDS sends it again on the node's next pull. The Derby hint makes Derby probe
-- SymmetricDS's status index for the listed statuses and read only those rows. Without it
-- Derby read the whole table. PostgreSQL reads the hint as a comment.
SELECT node_id, COUNT(*) AS batches, SUM(data_row_count) AS data_rows, MIN(create_time) AS oldest_time,
       SUM(CASE WHEN status = 'ER' THEN 1 ELSE 0 END) AS error_batches
  FROM sym_outgoing_batch --DERBY-PROPERTIES index=SYM_IDX_OB_STATUS
 WHERE status IN ('NE', 'QY', 'SE', 'LD', 'RQ', 'RT', 'RS', 'LS', 'ER', 'XX')
 GROUP BY node_id

-- name: outgoing_last_loaded
-- Sampler: the latest batch each node acknowledged as loaded, its last successful pull. This
-- reads every 'OK' batch kept until SymmetricDS purges it (no index covers status and time),
-- so only the sampler runs it, once per period, never the overview.
SELECT node_id, MAX(last_update_time) AS last_loaded
  FROM sym_outgoing_batch
 WHERE status = 'OK'
 GROUP BY node_id

-- name: incoming_errors
-- Batches from each node that failed to load at central. The node sends them again on its
-- next push.
SELECT node_id, COUNT(*) AS error_batches, MIN(last_update_time) AS first_error_time
  FROM sym_incoming_batch
 WHERE error_flag = 1 AND status = 'ER'
 GROUP BY node_id

-- name: latest_samples
-- The sampler's latest figures: the last push, the last pull and the clock offset. The last
-- push and the offset need a time window of sym_incoming_batch and the last pull every loaded
-- batch of sym_outgoing_batch, which the overview does not scan on every request.
SELECT point_code, last_push_at, last_pull_at, clock_offset_seconds
  FROM sy_sync_sample
 WHERE sampled_at = (SELECT MAX(sampled_at) FROM sy_sync_sample)

-- name: refusals
-- Registration attempts central refused since a time, per point and remote machine.
SELECT point_code, reason, remote_host, MIN(refused_at) AS first_at, MAX(refused_at) AS last_at,
       COUNT(*) AS attempts
  FROM sy_registration_refusal
 WHERE refused_at > ?
 GROUP BY point_code, reason, remote_host

-- name: incoming_since
-- Sampler: batches received from each node since a time (idx_ib_time_status), the latest of
-- all and the latest on the heartbeat channel, which carries the node's sym_node_host row.
SELECT node_id, MAX(create_time) AS last_push,
       MAX(CASE WHEN channel_id = 'heartbeat' THEN create_time ELSE NULL END) AS last_heartbeat_batch
  FROM sym_incoming_batch
 WHERE create_time > ?
 GROUP BY node_id

-- name: node_outgoing_batches
-- Drill-down: the latest batches central sent or holds for one node (idx_ob_node_status).
SELECT batch_id, channel_id, status, data_row_count, byte_count, create_time, last_update_time,
       sql_state, sql_code, sql_message, failed_line_number
  FROM sym_outgoing_batch
 WHERE node_id = ?
 ORDER BY batch_id DESC
 FETCH FIRST 30 ROWS ONLY

-- name: node_outgoing_batches_of_channel
-- Drill-down filtered to one channel, so that a burst on another channel (an initial load sends
-- one reload batch per table) does not push a channel's batches out of the latest 30.
SELECT batch_id, channel_id, status, data_row_count, byte_count, create_time, last_update_time,
       sql_state, sql_code, sql_message, failed_line_number
  FROM sym_outgoing_batch
 WHERE node_id = ? AND channel_id = ?
 ORDER BY batch_id DESC
 FETCH FIRST 30 ROWS ONLY

-- name: node_incoming_batches_of_channel
-- Drill-down of incoming batches filtered to one channel, read as node_incoming_batches.
SELECT batch_id, channel_id, status, data_row_count, byte_count, create_time, last_update_time,
       sql_state, sql_code, sql_message, failed_line_number
  FROM sym_incoming_batch
 WHERE create_time > ? AND node_id = ? AND channel_id = ?
 ORDER BY create_time DESC
 FETCH FIRST 30 ROWS ONLY

-- name: node_incoming_batches
-- Drill-down: the latest batches received from one node within the last days.
-- NOTE: sym_incoming_batch has no index that starts with node_id, so this reads the
-- time index (idx_ib_time_status) for the window and filters by node.
SELECT batch_id, channel_id, status, data_row_count, byte_count, create_time, last_update_time,
       sql_state, sql_code, sql_message, failed_line_number
  FROM sym_incoming_batch
 WHERE create_time > ? AND node_id = ?
 ORDER BY create_time DESC
 FETCH FIRST 30 ROWS ONLY

-- name: node_samples
-- Drill-down: the samples of one point since a time, oldest first, for the plot.
SELECT sampled_at, outgoing_batches, outgoing_rows, incoming_batches, incoming_rows, error_batches,
       lag_seconds
  FROM sy_sync_sample
 WHERE point_code = ? AND sampled_at > ?
 ORDER BY sampled_at

-- name: node_status
-- The status row each node writes about itself and sync brings up: free disk, database size,
-- siyiban and catalogue versions. One row per point; reported_at is county time in the node's clock.
SELECT point_code, siyiban_version, catalogue_version, free_disk_bytes, total_disk_bytes, database_bytes,
       reported_at
  FROM sy_node_status
