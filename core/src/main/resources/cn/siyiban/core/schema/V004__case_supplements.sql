-- Materials that a citizen supplied at a point other than the one that took the case in
-- (全县通办). That point does not hold the case, because a node keeps only its own point's
-- cases, so it records only the case number, the material ids and who took them. The row goes
-- up to central and from there down to the case's origin point, which turns it into a
-- SUPPLEMENTED event of the case with the same id. No personal data is copied.
CREATE TABLE sy_case_supplement (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_no       VARCHAR(40)   NOT NULL,
    origin_point  VARCHAR(20)   NOT NULL,
    taken_point   VARCHAR(20)   NOT NULL,
    material_ids  VARCHAR(1000) NOT NULL,
    actor         VARCHAR(64)   NOT NULL,
    taken_at      TIMESTAMP     NOT NULL
);

CREATE INDEX sy_case_supplement_origin ON sy_case_supplement (origin_point, taken_at);
