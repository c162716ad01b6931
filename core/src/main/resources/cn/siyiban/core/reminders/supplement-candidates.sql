-- Cases of one point (parameter 1) taken in with a supplement deadline (容缺受理) that have no
-- supplement reminder yet, created since parameter 2. The deadline and the items still missing
-- are read from each case's events in Java.
SELECT c.id
  FROM sy_case c
  JOIN sy_case_event e ON e.case_id = c.id AND e.event_type = 'intake'
 WHERE c.origin_point = ?
   AND c.created_at >= ?
   AND e.detail LIKE '%"supplementDue"%'
   AND NOT EXISTS (SELECT 1 FROM sy_reminder r WHERE r.case_id = c.id AND r.kind = 'supplement_due')
