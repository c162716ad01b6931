-- County statistics read the cases of a period by time and group them by matter; this index
-- serves the period scan of the statistics page and the last-application date of each matter.
CREATE INDEX sy_case_matter_created ON sy_case (matter_code, created_at);
