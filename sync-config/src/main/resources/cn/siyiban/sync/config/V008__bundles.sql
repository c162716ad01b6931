-- Bundles (一件事). Their definitions are reference data: central to every node, and a new node
-- gets them all in its initial load. Nodes never write sy_bundle, so no trigger routes it up.
INSERT INTO sym_trigger (trigger_id, source_table_name, channel_id, last_update_time, create_time)
    VALUES ('sy_bundle', 'sy_bundle', 'reference', current_timestamp, current_timestamp);

INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_bundle', 'central_to_township', 45, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_bundle', 'central_to_village', 45, current_timestamp, current_timestamp);

-- A bundle taken in at a point, and the links to its cases, travel like the cases themselves. They
-- use the cases channel and come after the case rows of the same transaction. They go up to
-- central, and back to the origin point only on a reload. The rows contain no personal data.
INSERT INTO sym_trigger (trigger_id, source_table_name, channel_id, last_update_time, create_time)
    VALUES ('sy_bundle_submission', 'sy_bundle_submission', 'cases', current_timestamp, current_timestamp);
INSERT INTO sym_trigger (trigger_id, source_table_name, channel_id, last_update_time, create_time)
    VALUES ('sy_bundle_case', 'sy_bundle_case', 'cases', current_timestamp, current_timestamp);

INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_bundle_submission', 'township_to_central', 125, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_bundle_submission', 'village_to_central', 125, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_bundle_case', 'township_to_central', 126, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_bundle_case', 'village_to_central', 126, current_timestamp, current_timestamp);

INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, initial_load_select,
        last_update_time, create_time)
    VALUES ('sy_bundle_submission', 'origin_township', 125, 't.origin_point = ''$(externalId)''',
        current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, initial_load_select,
        last_update_time, create_time)
    VALUES ('sy_bundle_submission', 'origin_village', 125, 't.origin_point = ''$(externalId)''',
        current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, initial_load_select,
        last_update_time, create_time)
    VALUES ('sy_bundle_case', 'origin_township', 126, 't.origin_point = ''$(externalId)''',
        current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, initial_load_select,
        last_update_time, create_time)
    VALUES ('sy_bundle_case', 'origin_village', 126, 't.origin_point = ''$(externalId)''',
        current_timestamp, current_timestamp);
