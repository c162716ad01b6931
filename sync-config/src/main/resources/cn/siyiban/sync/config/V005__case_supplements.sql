-- Materials supplied at a point other than the case's own (全县通办): the taking point pushes
-- the row up to central, and central passes it down to the case's origin point only. The rows
-- central loaded from a node are captured again only because sync_on_incoming_batch is 1 on
-- this trigger. SymmetricDS records the node a loaded row came from. It routes the captured row
-- to every target except that node while ping_back_enabled is 0, its default. So the taking
-- point does not get its own row back, and the origin point does not send the row up again.
-- The row holds no personal data, only the case number and material ids.
INSERT INTO sym_trigger (trigger_id, source_table_name, channel_id, sync_on_incoming_batch,
        last_update_time, create_time)
    VALUES ('sy_case_supplement', 'sy_case_supplement', 'cases', 1, current_timestamp, current_timestamp);

INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_case_supplement', 'township_to_central', 130, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_case_supplement', 'village_to_central', 130, current_timestamp, current_timestamp);

-- Down to the origin point, where the row becomes a case event. On a reload the point gets the
-- rows for its own cases back, and it skips the rows already applied by their event id.
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, initial_load_select,
        last_update_time, create_time)
    VALUES ('sy_case_supplement', 'origin_township', 130, 't.origin_point = ''$(externalId)''',
        current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, initial_load_select,
        last_update_time, create_time)
    VALUES ('sy_case_supplement', 'origin_village', 130, 't.origin_point = ''$(externalId)''',
        current_timestamp, current_timestamp);
