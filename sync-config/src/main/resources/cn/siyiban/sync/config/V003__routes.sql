-- Triggers capture changes of siyiban's tables; routers decide which nodes receive them.
-- Derby stores unquoted names in upper case, and SymmetricDS matches column routers on the
-- stored names, so router expressions name columns in upper case.

-- Reference data: central to every node.
INSERT INTO sym_trigger (trigger_id, source_table_name, channel_id, last_update_time, create_time)
    VALUES ('sy_point', 'sy_point', 'reference', current_timestamp, current_timestamp);
INSERT INTO sym_trigger (trigger_id, source_table_name, channel_id, last_update_time, create_time)
    VALUES ('sy_catalogue_version', 'sy_catalogue_version', 'reference', current_timestamp, current_timestamp);
INSERT INTO sym_trigger (trigger_id, source_table_name, channel_id, last_update_time, create_time)
    VALUES ('sy_matter', 'sy_matter', 'reference', current_timestamp, current_timestamp);
INSERT INTO sym_trigger (trigger_id, source_table_name, channel_id, last_update_time, create_time)
    VALUES ('sy_material', 'sy_material', 'reference', current_timestamp, current_timestamp);
INSERT INTO sym_trigger (trigger_id, source_table_name, channel_id, last_update_time, create_time)
    VALUES ('sy_calendar_day', 'sy_calendar_day', 'reference', current_timestamp, current_timestamp);

INSERT INTO sym_router (router_id, source_node_group_id, target_node_group_id, router_type,
        router_expression, create_time, last_update_time)
    VALUES ('central_to_township', 'central', 'township', 'default', NULL, current_timestamp, current_timestamp);
INSERT INTO sym_router (router_id, source_node_group_id, target_node_group_id, router_type,
        router_expression, create_time, last_update_time)
    VALUES ('central_to_village', 'central', 'village', 'default', NULL, current_timestamp, current_timestamp);

-- initial_load_order puts parents first when a node is loaded from scratch.
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_point', 'central_to_township', 10, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_point', 'central_to_village', 10, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_catalogue_version', 'central_to_township', 20, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_catalogue_version', 'central_to_village', 20, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_matter', 'central_to_township', 30, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_matter', 'central_to_village', 30, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_material', 'central_to_township', 40, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_material', 'central_to_village', 40, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_calendar_day', 'central_to_township', 50, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_calendar_day', 'central_to_village', 50, current_timestamp, current_timestamp);

-- Staff: only to the node whose external id (the point code) is the staff member's point. The
-- column router filters captured changes; initial_load_select applies the same filter to the
-- initial load a node receives at registration.
INSERT INTO sym_trigger (trigger_id, source_table_name, channel_id, last_update_time, create_time)
    VALUES ('sy_staff', 'sy_staff', 'staff', current_timestamp, current_timestamp);
INSERT INTO sym_router (router_id, source_node_group_id, target_node_group_id, router_type,
        router_expression, create_time, last_update_time)
    VALUES ('staff_to_township', 'central', 'township', 'column', 'POINT_CODE=:EXTERNAL_ID',
        current_timestamp, current_timestamp);
INSERT INTO sym_router (router_id, source_node_group_id, target_node_group_id, router_type,
        router_expression, create_time, last_update_time)
    VALUES ('staff_to_village', 'central', 'village', 'column', 'POINT_CODE=:EXTERNAL_ID',
        current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, initial_load_select,
        last_update_time, create_time)
    VALUES ('sy_staff', 'staff_to_township', 60, 't.point_code = ''$(externalId)''', current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, initial_load_select,
        last_update_time, create_time)
    VALUES ('sy_staff', 'staff_to_village', 60, 't.point_code = ''$(externalId)''', current_timestamp, current_timestamp);

-- Cases, materials and events: from the node that took them in up to central.
INSERT INTO sym_trigger (trigger_id, source_table_name, channel_id, last_update_time, create_time)
    VALUES ('sy_case', 'sy_case', 'cases', current_timestamp, current_timestamp);
INSERT INTO sym_trigger (trigger_id, source_table_name, channel_id, last_update_time, create_time)
    VALUES ('sy_case_material', 'sy_case_material', 'cases', current_timestamp, current_timestamp);
INSERT INTO sym_trigger (trigger_id, source_table_name, channel_id, last_update_time, create_time)
    VALUES ('sy_case_event', 'sy_case_event', 'cases', current_timestamp, current_timestamp);

INSERT INTO sym_router (router_id, source_node_group_id, target_node_group_id, router_type,
        router_expression, create_time, last_update_time)
    VALUES ('township_to_central', 'township', 'central', 'default', NULL, current_timestamp, current_timestamp);
INSERT INTO sym_router (router_id, source_node_group_id, target_node_group_id, router_type,
        router_expression, create_time, last_update_time)
    VALUES ('village_to_central', 'village', 'central', 'default', NULL, current_timestamp, current_timestamp);

-- Back down, only to the case's own point: events recorded at central (decisions), and on a
-- reload the point's own cases, so a reinstalled node gets its history back. Rows that
-- central loaded from a node are not captured again (sync_on_incoming_batch is 0), so a
-- node's own rows never echo back to it.
INSERT INTO sym_router (router_id, source_node_group_id, target_node_group_id, router_type,
        router_expression, create_time, last_update_time)
    VALUES ('origin_township', 'central', 'township', 'column', 'ORIGIN_POINT=:EXTERNAL_ID',
        current_timestamp, current_timestamp);
INSERT INTO sym_router (router_id, source_node_group_id, target_node_group_id, router_type,
        router_expression, create_time, last_update_time)
    VALUES ('origin_village', 'central', 'village', 'column', 'ORIGIN_POINT=:EXTERNAL_ID',
        current_timestamp, current_timestamp);

INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_case', 'township_to_central', 100, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_case', 'village_to_central', 100, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_case_material', 'township_to_central', 110, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_case_material', 'village_to_central', 110, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_case_event', 'township_to_central', 120, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_case_event', 'village_to_central', 120, current_timestamp, current_timestamp);

INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, initial_load_select,
        last_update_time, create_time)
    VALUES ('sy_case', 'origin_township', 100, 't.origin_point = ''$(externalId)''', current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, initial_load_select,
        last_update_time, create_time)
    VALUES ('sy_case', 'origin_village', 100, 't.origin_point = ''$(externalId)''', current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, initial_load_select,
        last_update_time, create_time)
    VALUES ('sy_case_material', 'origin_township', 110, 't.origin_point = ''$(externalId)''', current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, initial_load_select,
        last_update_time, create_time)
    VALUES ('sy_case_material', 'origin_village', 110, 't.origin_point = ''$(externalId)''', current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, initial_load_select,
        last_update_time, create_time)
    VALUES ('sy_case_event', 'origin_township', 120, 't.origin_point = ''$(externalId)''', current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, initial_load_select,
        last_update_time, create_time)
    VALUES ('sy_case_event', 'origin_village', 120, 't.origin_point = ''$(externalId)''', current_timestamp, current_timestamp);
