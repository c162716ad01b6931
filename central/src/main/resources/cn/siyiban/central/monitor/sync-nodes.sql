-- Queries of central's sync status page over SymmetricDS's own tables (symmetric-core 3.15.22).
-- A node's external id is its point code. Its node id is normally the same, but SymmetricDS
-- may pick another when that id is taken, so the batches, which name the node id, are matched
-- to points through sym_node. Each section starts with a "-- name:" line, by which
-- SyncNodeReader runs it.

-- name: nodes
-- One row per node in sym_node, central itself included. registration_time stays null
-- until the node has registered. A node with several hosts reports one heartbeat per host, and
-- the latest one counts.
SELECT n.node_id, n.external_id, n.node_group_id, n.sync_enabled, s.registration_time, s.registration_enabled,
       (SELECT MAX(h.heartbeat_time) FROM sym_node_host h WHERE h.node_id = n.node_id) AS heartbeat_time,
       (SELECT MAX(h.last_restart_time) FROM sym_node_host h WHERE h.node_id = n.node_id) AS last_restart_time
  FROM sym_node n
  LEFT JOIN sym_node_security s ON s.node_id = n.node_id

-- name: outgoing
-- Batches central has for each node. 'OK' is loaded by the node and 'IG' was ignored on
-- purpose, so neither is pending. 'ER' failed to load at the node. Every other status (NE new,
-- QY queried, SE sent, LD loading, RQ request and others) is still pending.
SELECT node_id,
       SUM(CASE WHEN status = 'ER' THEN 1 ELSE 0 END) AS error_batches,
       SUM(CASE WHEN status IN ('OK', 'IG', 'ER') THEN 0 ELSE 1 END) AS pending_batches
  FROM sym_outgoing_batch
 GROUP BY node_id

-- name: incoming
-- Batches from each node that failed to load at central.
SELECT node_id, COUNT(*) AS error_batches
  FROM sym_incoming_batch
 WHERE status = 'ER'
 GROUP BY node_id
