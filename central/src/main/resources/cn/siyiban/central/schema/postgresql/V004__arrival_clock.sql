-- The clock offset of the node a case came from, so reviewers see cases recorded by a node whose
-- clock was behind as well as ahead. A case's created_at later than its arrival only shows a
-- clock that was ahead; a clock that was behind looks like an ordinary offline backlog.
--   origin_point: the point that took the case in, copied from sy_case by the trigger
--   node_clock_offset_seconds: node clock minus central clock, from the first sync sample of
--     that point taken after the arrival; null until the sampler has stamped it
-- The Derby version of this script, in ../derby/, drops and recreates its trigger instead,
-- because a Derby trigger has no function to replace.
ALTER TABLE sy_case_arrival ADD COLUMN origin_point VARCHAR(20);
ALTER TABLE sy_case_arrival ADD COLUMN node_clock_offset_seconds BIGINT;

UPDATE sy_case_arrival SET origin_point = (SELECT c.origin_point FROM sy_case c WHERE c.id = sy_case_arrival.case_id);

CREATE OR REPLACE FUNCTION sy_case_arrival_record() RETURNS trigger AS $$
BEGIN
    INSERT INTO sy_case_arrival (case_no, case_id, arrived_at, origin_point)
        VALUES (NEW.case_no, NEW.id, LOCALTIMESTAMP, NEW.origin_point);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- The sampler looks up recent arrivals not yet stamped.
CREATE INDEX sy_case_arrival_time ON sy_case_arrival (arrived_at);
