-- Service map and catalogue governance. All four tables are reference data: central to every
-- node, in the initial load after the catalogue. Nodes never write them, so no router sends
-- them up. The coordinates of sy_point travel with its existing trigger.
INSERT INTO sym_trigger (trigger_id, source_table_name, channel_id, last_update_time, create_time)
    VALUES ('sy_point_matter', 'sy_point_matter', 'reference', current_timestamp, current_timestamp);
INSERT INTO sym_trigger (trigger_id, source_table_name, channel_id, last_update_time, create_time)
    VALUES ('sy_cancelled_proof', 'sy_cancelled_proof', 'reference', current_timestamp, current_timestamp);
INSERT INTO sym_trigger (trigger_id, source_table_name, channel_id, last_update_time, create_time)
    VALUES ('sy_matter_minimal', 'sy_matter_minimal', 'reference', current_timestamp, current_timestamp);
INSERT INTO sym_trigger (trigger_id, source_table_name, channel_id, last_update_time, create_time)
    VALUES ('sy_matter_status', 'sy_matter_status', 'reference', current_timestamp, current_timestamp);

INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_point_matter', 'central_to_township', 46, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_point_matter', 'central_to_village', 46, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_cancelled_proof', 'central_to_township', 47, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_cancelled_proof', 'central_to_village', 47, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_matter_minimal', 'central_to_township', 48, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_matter_minimal', 'central_to_village', 48, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_matter_status', 'central_to_township', 49, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_matter_status', 'central_to_village', 49, current_timestamp, current_timestamp);
