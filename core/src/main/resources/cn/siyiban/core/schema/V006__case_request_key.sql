-- A double click or a browser retry sends the same intake twice at the same moment; both
-- requests can miss each other's row before either commits. The constraint makes the second
-- insert fail, and intake then returns the case the first one saved. It is per point because
-- the key comes from the browser: two points reusing a key must never block each other's sync
-- at central. Derby and PostgreSQL allow any number of rows whose key is NULL.
ALTER TABLE sy_case ADD CONSTRAINT sy_case_request_key_unique UNIQUE (origin_point, request_key);
