-- Case list, newest first. Each filter is bound twice: "? IS NULL" turns it off.
-- The status is the type of the case's latest event; events that share a time are broken by
-- the larger id only for determinism, because the workflow order is applied again in Java
-- when a single case is read. Proxy steps (帮办代办) never set the status, so they are skipped;
-- keep this list equal to the proxy steps of CaseEventType. A case whose intake event has not
-- arrived yet (a reload sends sy_case and sy_case_event in separate batches) is left out, as
-- CaseStore.find leaves it out.
SELECT c.case_no, c.origin_point, c.matter_code, c.matter_name, c.applicant_name, c.proxy,
       c.created_at, c.due_at,
       (SELECT e.event_type FROM sy_case_event e
         WHERE e.case_id = c.id
           AND e.event_type NOT IN ('entrusted', 'proxy_handled', 'archived', 'followed_up')
         ORDER BY e.occurred_at DESC, e.id DESC
         FETCH FIRST 1 ROWS ONLY) AS status
  FROM sy_case c
 WHERE EXISTS (SELECT 1 FROM sy_case_event i WHERE i.case_id = c.id AND i.event_type = 'intake')
   AND (CAST(? AS VARCHAR(20)) IS NULL OR c.origin_point = ?)
   AND (CAST(? AS VARCHAR(100)) IS NULL OR c.department = ?)
   AND (CAST(? AS VARCHAR(32)) IS NULL OR c.matter_code = ?)
   AND (CAST(? AS VARCHAR(100)) IS NULL OR c.case_no LIKE ? OR c.applicant_name LIKE ? OR c.matter_name LIKE ?)
   AND (CAST(? AS TIMESTAMP) IS NULL OR c.created_at >= ?)
   AND (CAST(? AS TIMESTAMP) IS NULL OR c.created_at < ?)
 ORDER BY c.created_at DESC
