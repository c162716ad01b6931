-- Cases taken in between two instants (county-local, the first included), each with the bundle
-- submission it was taken in with, or NULL columns for a case taken in on its own.
SELECT c.created_at, s.id AS submission_id, s.bundle_code, s.bundle_name
  FROM sy_case c
  LEFT JOIN sy_bundle_case l ON l.case_id = c.id
  LEFT JOIN sy_bundle_submission s ON s.id = l.submission_id
 WHERE c.created_at >= ?
   AND c.created_at < ?
