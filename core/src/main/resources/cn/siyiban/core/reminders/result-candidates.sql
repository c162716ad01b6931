-- Cases whose result is ready and that were neither delivered, closed nor terminated, without a
-- collection reminder yet. Java checks that the result is still the case's status.
SELECT c.id
  FROM sy_case c
 WHERE EXISTS (SELECT 1 FROM sy_case_event e WHERE e.case_id = c.id AND e.event_type = 'result_ready')
   AND NOT EXISTS (SELECT 1 FROM sy_case_event e WHERE e.case_id = c.id
                    AND e.event_type IN ('delivered', 'closed', 'terminated'))
   AND NOT EXISTS (SELECT 1 FROM sy_reminder r WHERE r.case_id = c.id AND r.kind = 'result_collection')
