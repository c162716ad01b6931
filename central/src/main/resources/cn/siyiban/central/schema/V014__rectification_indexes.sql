-- The rating overview counts the items that a reply step closed. Derby 10.16 reads the reply
-- steps from this index alone instead of scanning every step with its note.
CREATE INDEX sy_rectification_step_kind ON sy_rectification_step (kind, rating_id);

-- The item list reads the items newest first, one page at a time, and PostgreSQL 15 reads that
-- page from this index instead of sorting every item.
-- NOTE: Derby 10.16 still sorts every item of the list's join for each page.
CREATE INDEX sy_rectification_opened ON sy_rectification (opened_at DESC, rating_id);
