-- Supplement rows that other points recorded for this point's cases and that are not yet
-- events of the case. The event of an applied row carries the row's id, which is how a row
-- is known to be applied.
SELECT s.id, s.case_no, s.taken_point, s.material_ids, s.actor, s.taken_at
  FROM sy_case_supplement s
 WHERE s.origin_point = ?
   AND NOT EXISTS (SELECT 1 FROM sy_case_event e WHERE e.id = s.id)
 ORDER BY s.taken_at
