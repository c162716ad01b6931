-- Node groups of the county network. central is the county server; township and village are
-- the mini PCs at the 15 township-level centres and the 237 village service points.
-- SymmetricDS inserts the registration server's own group when it sets up its tables, before
-- this script runs, so the central group is only described here.
UPDATE sym_node_group SET description = '县政务服务中心服务器' WHERE node_group_id = 'central';
INSERT INTO sym_node_group (node_group_id, description) VALUES ('township', '镇（街道）便民服务中心');
INSERT INTO sym_node_group (node_group_id, description) VALUES ('village', '村（社区）便民服务站');

-- Nodes push their changes to central ('P') and pull central's changes ('W', central waits
-- for the pull), so a node behind a village router needs no inbound port.
INSERT INTO sym_node_group_link (source_node_group_id, target_node_group_id, data_event_action)
    VALUES ('township', 'central', 'P');
INSERT INTO sym_node_group_link (source_node_group_id, target_node_group_id, data_event_action)
    VALUES ('village', 'central', 'P');
INSERT INTO sym_node_group_link (source_node_group_id, target_node_group_id, data_event_action)
    VALUES ('central', 'township', 'W');
INSERT INTO sym_node_group_link (source_node_group_id, target_node_group_id, data_event_action)
    VALUES ('central', 'village', 'W');
