-- Bundles (一件事): a set of catalogue matters that a citizen applies for with one form, one
-- material list and one receipt. Central defines them and SymmetricDS sends them to every node as
-- reference data, like the catalogue; nodes only read them. One row contains the whole definition,
-- so a node never sees a bundle whose matters arrived only in part.
-- matter_codes lists the matter codes in form order, separated by commas.
-- shared_materials is a JSON array of {"name", "materialIds"}: catalogue materials of different
-- matters that the county declared to be the same document, shown once under that name.
CREATE TABLE sy_bundle (
    code             VARCHAR(32)    NOT NULL PRIMARY KEY,
    name             VARCHAR(200)   NOT NULL,
    description      VARCHAR(1000),
    matter_codes     VARCHAR(1000)  NOT NULL,
    shared_materials VARCHAR(8000)  NOT NULL,
    retired          BOOLEAN        NOT NULL,
    updated_by       VARCHAR(64)    NOT NULL,
    updated_at       TIMESTAMP      NOT NULL
);

-- One bundle taken in at a point: the cases it created are normal cases, linked by the rows of
-- sy_bundle_case. Written once, at intake, by the point, under a UUID key. bundle_no is the
-- number printed on the receipt: "YJS-" and the case number of the bundle's first case, so it
-- is unique county-wide without a counter of its own. materials is the merged material list as
-- the clerk ticked it, JSON, so the receipt never changes when the bundle is edited later.
-- case_count is the number of linked cases, so central knows when all of them have arrived.
-- The request key works like sy_case.request_key: a repeated form submission returns the bundle
-- already saved.
CREATE TABLE sy_bundle_submission (
    id            VARCHAR(36)    NOT NULL PRIMARY KEY,
    bundle_no     VARCHAR(48)    NOT NULL,
    origin_point  VARCHAR(20)    NOT NULL,
    bundle_code   VARCHAR(32)    NOT NULL,
    bundle_name   VARCHAR(200)   NOT NULL,
    case_count    INTEGER        NOT NULL,
    materials     VARCHAR(16000) NOT NULL,
    intake_clerk  VARCHAR(64)    NOT NULL,
    created_at    TIMESTAMP      NOT NULL,
    request_key   VARCHAR(64),
    CONSTRAINT sy_bundle_submission_no UNIQUE (bundle_no),
    CONSTRAINT sy_bundle_submission_request_key UNIQUE (origin_point, request_key)
);

CREATE INDEX sy_bundle_submission_created ON sy_bundle_submission (created_at);

-- The link of a case to its bundle submission; a case belongs to at most one.
CREATE TABLE sy_bundle_case (
    case_id        VARCHAR(36)  NOT NULL PRIMARY KEY,
    submission_id  VARCHAR(36)  NOT NULL,
    origin_point   VARCHAR(20)  NOT NULL,
    ordinal        INTEGER      NOT NULL
);

CREATE INDEX sy_bundle_case_submission ON sy_bundle_case (submission_id, ordinal);
