-- False commitments (告知承诺) recorded at central go down to every node, so that intake at any
-- point rejects further commitments and 容缺 for the applicant. A new node receives every row in
-- its initial load. Clearing a block is an update of the same row, so it reaches every node too.
-- The rows identify the applicant only by a SHA-256 of the ID type and number, no name or number.
-- Nodes never write the table, so no trigger routes it up.
INSERT INTO sym_trigger (trigger_id, source_table_name, channel_id, last_update_time, create_time)
    VALUES ('sy_commitment_block', 'sy_commitment_block', 'cases', current_timestamp, current_timestamp);

INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_commitment_block', 'central_to_township', 150, current_timestamp, current_timestamp);
INSERT INTO sym_trigger_router (trigger_id, router_id, initial_load_order, last_update_time, create_time)
    VALUES ('sy_commitment_block', 'central_to_village', 150, current_timestamp, current_timestamp);
