-- Conflict rules. siyiban avoids conflicts by design: reference data and staff are written
-- only at central, and case rows and events are inserted once, with UUID keys, by the side
-- that recorded them. A conflict therefore means a batch is being loaded again (a retry after
-- a crash or a cut link), or a reinstalled node gets back rows it already has. In both cases
-- the incoming row is the authoritative copy, so "fallback" applies it: an insert of an
-- existing row becomes an update, and an update of a missing row becomes an insert.

-- Central is the authority for what it sends down.
INSERT INTO sym_conflict (conflict_id, source_node_group_id, target_node_group_id, detect_type,
        resolve_type, ping_back, create_time, last_update_time)
    VALUES ('central_to_township_wins', 'central', 'township', 'USE_PK_DATA', 'FALLBACK', 'OFF',
        current_timestamp, current_timestamp);
INSERT INTO sym_conflict (conflict_id, source_node_group_id, target_node_group_id, detect_type,
        resolve_type, ping_back, create_time, last_update_time)
    VALUES ('central_to_village_wins', 'central', 'village', 'USE_PK_DATA', 'FALLBACK', 'OFF',
        current_timestamp, current_timestamp);

-- The recording node is the authority for the case rows it took in.
INSERT INTO sym_conflict (conflict_id, source_node_group_id, target_node_group_id, detect_type,
        resolve_type, ping_back, create_time, last_update_time)
    VALUES ('township_cases_win', 'township', 'central', 'USE_PK_DATA', 'FALLBACK', 'OFF',
        current_timestamp, current_timestamp);
INSERT INTO sym_conflict (conflict_id, source_node_group_id, target_node_group_id, detect_type,
        resolve_type, ping_back, create_time, last_update_time)
    VALUES ('village_cases_win', 'village', 'central', 'USE_PK_DATA', 'FALLBACK', 'OFF',
        current_timestamp, current_timestamp);
