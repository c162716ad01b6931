-- Channels. Batches of one channel are loaded in the order they were captured, and a failed
-- batch blocks only its own channel, so the order of case rows is kept by putting every case
-- table on one channel.

-- The network, catalogue and calendar that every node reads.
INSERT INTO sym_channel (channel_id, processing_order, max_batch_size, max_batch_to_send,
        max_data_to_route, extract_period_millis, batch_algorithm, enabled, description)
    VALUES ('reference', 10, 1000, 10, 100000, 0, 'default', 1, '事项目录、服务网点和工作日历');

-- Staff accounts with password hashes, each routed to its own point only.
INSERT INTO sym_channel (channel_id, processing_order, max_batch_size, max_batch_to_send,
        max_data_to_route, extract_period_millis, batch_algorithm, enabled, description)
    VALUES ('staff', 20, 1000, 10, 100000, 0, 'default', 1, '工作人员账号');

-- Cases, their materials and their events. One channel, so an event never arrives before
-- its case.
INSERT INTO sym_channel (channel_id, processing_order, max_batch_size, max_batch_to_send,
        max_data_to_route, extract_period_millis, batch_algorithm, enabled, description)
    VALUES ('cases', 30, 1000, 20, 100000, 0, 'default', 1, '办件、材料和办件记录');
