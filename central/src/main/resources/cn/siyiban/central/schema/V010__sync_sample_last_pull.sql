-- The last pull of each node as of the sample: the latest outgoing batch the node acknowledged
-- as loaded (SymmetricDS's last_update_time, stored in county time). Finding it reads every
-- loaded batch central keeps, so the sampler finds it once per period and the overview reads
-- it from the latest sample instead of scanning sym_outgoing_batch on every request. Null
-- until the node has loaded a batch.
ALTER TABLE sy_sync_sample ADD COLUMN last_pull_at TIMESTAMP;
