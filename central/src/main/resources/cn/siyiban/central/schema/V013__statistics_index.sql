-- The county statistics read the cases of a period by intake time.
CREATE INDEX sy_case_created ON sy_case (created_at);

-- The idle-matter flag reads the latest case of each matter.
CREATE INDEX sy_case_matter_created ON sy_case (matter_code, created_at);
