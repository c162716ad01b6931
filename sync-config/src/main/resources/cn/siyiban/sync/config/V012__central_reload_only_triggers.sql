-- Central never inserts or updates sy_case or sy_case_material: cases are taken in at the
-- points, and central records its decisions as case events. Yet the capture triggers that
-- central's reload routers installed on these tables fired for every row central loaded from
-- a node, only to discard it (sync_on_incoming_batch is 0). Central needs the two tables only
-- to reload a point's own cases, so the reload routers move to triggers with every sync_on_
-- flag 0. SymmetricDS calls these dead triggers: it records them for initial loads and
-- reloads and installs no database trigger. The nodes keep their capture triggers, 'sy_case'
-- and 'sy_case_material', which only the routers up to central use.
INSERT INTO sym_trigger (trigger_id, source_table_name, channel_id, sync_on_insert, sync_on_update,
        sync_on_delete, last_update_time, create_time)
    VALUES ('sy_case_reload', 'sy_case', 'cases', 0, 0, 0, current_timestamp, current_timestamp);
INSERT INTO sym_trigger (trigger_id, source_table_name, channel_id, sync_on_insert, sync_on_update,
        sync_on_delete, last_update_time, create_time)
    VALUES ('sy_case_material_reload', 'sy_case_material', 'cases', 0, 0, 0, current_timestamp, current_timestamp);

INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, initial_load_select,
        last_update_time, create_time)
    VALUES ('sy_case_reload', 'origin_township', 100, 't.origin_point = ''$(externalId)''', current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, initial_load_select,
        last_update_time, create_time)
    VALUES ('sy_case_reload', 'origin_village', 100, 't.origin_point = ''$(externalId)''', current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, initial_load_select,
        last_update_time, create_time)
    VALUES ('sy_case_material_reload', 'origin_township', 110, 't.origin_point = ''$(externalId)''', current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, initial_load_select,
        last_update_time, create_time)
    VALUES ('sy_case_material_reload', 'origin_village', 110, 't.origin_point = ''$(externalId)''', current_timestamp, current_timestamp);

DELETE FROM sym_trigger_router
    WHERE trigger_id IN ('sy_case', 'sy_case_material') AND router_id IN ('origin_township', 'origin_village');
