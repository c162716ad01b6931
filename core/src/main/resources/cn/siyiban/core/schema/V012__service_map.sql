-- Service map (政务服务地图). Central maintains these facts and SymmetricDS sends them to every
-- node as reference data, so the map works at a node without the WAN. Nodes only read them.
-- sy_point already has address, phone and office_hours; the map adds coordinates. They are WGS-84
-- degrees, and null where the county has not surveyed the point: the shipped network has none.
ALTER TABLE sy_point ADD COLUMN latitude DECIMAL(9,6);
ALTER TABLE sy_point ADD COLUMN longitude DECIMAL(9,6);

-- Matters a point takes in when the admin restricted it. A point without rows takes every matter
-- of the catalogue (全科受理), which is the default. One row per point and matter, keyed by both
-- codes, so the same restriction written twice is the same row.
CREATE TABLE sy_point_matter (
    point_code   VARCHAR(20)  NOT NULL,
    matter_code  VARCHAR(32)  NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP    NOT NULL,
    PRIMARY KEY (point_code, matter_code)
);
