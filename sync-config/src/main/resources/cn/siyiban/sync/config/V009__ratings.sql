-- Ratings (好差评) travel on a channel of their own, so a rating batch that fails to load never
-- holds back cases, and a case batch never holds back ratings.
INSERT INTO sym_channel (channel_id, processing_order, max_batch_size, max_batch_to_send,
        max_data_to_route, extract_period_millis, batch_algorithm, enabled, description)
    VALUES ('ratings', 40, 1000, 10, 100000, 0, 'default', 1, '好差评和评价作废记录');

-- A rating goes up from its point to central, where a trigger opens a rectification item for a
-- bad one. It comes back to its own point only on a reload. It has a case number and the
-- citizen's optional free-text comment, but no column for a name, ID number or phone number.
INSERT INTO sym_trigger (trigger_id, source_table_name, channel_id, last_update_time, create_time)
    VALUES ('sy_rating', 'sy_rating', 'ratings', current_timestamp, current_timestamp);

INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_rating', 'township_to_central', 140, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_rating', 'village_to_central', 140, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, initial_load_select,
        last_update_time, create_time)
    VALUES ('sy_rating', 'origin_township', 140, 't.origin_point = ''$(externalId)''',
        current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, initial_load_select,
        last_update_time, create_time)
    VALUES ('sy_rating', 'origin_village', 140, 't.origin_point = ''$(externalId)''',
        current_timestamp, current_timestamp);

-- An annulment is written at central and goes down to the rating's point only, where the clerk
-- figures shown to citizens leave the annulled rating out. Nodes never write this table.
INSERT INTO sym_trigger (trigger_id, source_table_name, channel_id, last_update_time, create_time)
    VALUES ('sy_rating_annulment', 'sy_rating_annulment', 'ratings', current_timestamp, current_timestamp);

INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, initial_load_select,
        last_update_time, create_time)
    VALUES ('sy_rating_annulment', 'origin_township', 150, 't.origin_point = ''$(externalId)''',
        current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, initial_load_select,
        last_update_time, create_time)
    VALUES ('sy_rating_annulment', 'origin_village', 150, 't.origin_point = ''$(externalId)''',
        current_timestamp, current_timestamp);
