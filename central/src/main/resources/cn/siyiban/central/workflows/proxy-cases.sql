-- Proxy cases (帮办代办) taken in during one month, with the time of their first delivery
-- (送达) event, or NULL while the result has not been delivered. Parameters: the first instant
-- of the month and the first instant of the next month, both county-local.
SELECT c.case_no, c.origin_point, c.matter_code, c.matter_name, c.created_at,
       (SELECT MIN(e.occurred_at) FROM sy_case_event e
         WHERE e.case_id = c.id AND e.event_type = 'delivered') AS delivered_at
  FROM sy_case c
 WHERE c.proxy = TRUE
   AND c.created_at >= ?
   AND c.created_at < ?
 ORDER BY c.origin_point, c.created_at
