-- Case numbers whose intake event recorded a supplement deadline (容缺受理), oldest first. The
-- deadline and the items still missing are read from each case's events in Java.
SELECT c.case_no
  FROM sy_case c
  JOIN sy_case_event e ON e.case_id = c.id AND e.event_type = 'intake'
 WHERE e.detail LIKE '%"supplementDue"%'
   AND (CAST(? AS VARCHAR(100)) IS NULL OR c.department = ?)
 ORDER BY c.created_at
