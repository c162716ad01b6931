-- Approved cases of matters whose certificates expire (validity_months set) without an expiry
-- reminder yet. Java computes the expiry from the approval date and the validity.
SELECT c.id
  FROM sy_case c
  JOIN sy_matter m ON m.code = c.matter_code
 WHERE m.validity_months IS NOT NULL
   AND EXISTS (SELECT 1 FROM sy_case_event e WHERE e.case_id = c.id
                AND e.event_type IN ('approved', 'result_ready'))
   AND NOT EXISTS (SELECT 1 FROM sy_reminder r WHERE r.case_id = c.id AND r.kind = 'certificate_expiry')
