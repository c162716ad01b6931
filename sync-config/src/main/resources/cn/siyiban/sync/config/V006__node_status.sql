-- The node status row (free disk, database size, siyiban and catalogue versions): from each
-- node up to central only. It has its own channel, so that a blocked case batch never holds
-- back the figures that tell an admin why, and the reverse initial load at registration
-- includes it. Each node writes only its own row, so the rows never conflict.
INSERT INTO sym_channel (channel_id, processing_order, max_batch_size, max_batch_to_send,
        max_data_to_route, extract_period_millis, batch_algorithm, enabled, description)
    VALUES ('status', 40, 1000, 10, 100000, 0, 'default', 1, '节点磁盘、数据库和版本状态');

INSERT INTO sym_trigger (trigger_id, source_table_name, channel_id, last_update_time, create_time)
    VALUES ('sy_node_status', 'sy_node_status', 'status', current_timestamp, current_timestamp);

INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_node_status', 'township_to_central', 140, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_node_status', 'village_to_central', 140, current_timestamp, current_timestamp);
