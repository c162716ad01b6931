-- The cases taken in during a period, for the county statistics (Derby and PostgreSQL).
-- Parameters: 1 = first intake time included, 2 = first intake time excluded (county time).
-- finished_at is the first event that ends the department's work on the case; a case without
-- one is still open. time_class is the matter's class in the catalogue now, not at intake.
SELECT c.id, c.origin_point, c.matter_code, c.matter_name, c.department, c.created_at, c.due_at, c.proxy,
       m.time_class, f.finished_at
FROM sy_case c
LEFT JOIN sy_matter m ON m.code = c.matter_code
LEFT JOIN (SELECT case_id, MIN(occurred_at) AS finished_at
           FROM sy_case_event
           WHERE event_type IN ('approved', 'rejected', 'result_ready', 'delivered', 'closed')
           GROUP BY case_id) f ON f.case_id = c.id
WHERE c.created_at >= ? AND c.created_at < ?
