-- Reference data that central publishes to every node: the network of service points, the
-- catalogue of matters with their materials, and the calendar of holidays. Nodes only read it.
-- Column names avoid words that Derby or PostgreSQL reserve (level, position, key).

CREATE TABLE sy_point (
    code         VARCHAR(20)   NOT NULL PRIMARY KEY,
    name         VARCHAR(100)  NOT NULL,
    point_level  VARCHAR(16)   NOT NULL,
    parent_code  VARCHAR(20),
    address      VARCHAR(200),
    phone        VARCHAR(40),
    office_hours VARCHAR(100),
    source       VARCHAR(1000)
);

-- One row per published catalogue version; the highest is in force.
CREATE TABLE sy_catalogue_version (
    version      INTEGER       NOT NULL PRIMARY KEY,
    published_at TIMESTAMP     NOT NULL,
    published_by VARCHAR(64)   NOT NULL,
    note         VARCHAR(500)
);

-- revision is the catalogue version in which the matter last changed.
CREATE TABLE sy_matter (
    code          VARCHAR(32)   NOT NULL PRIMARY KEY,
    name          VARCHAR(200)  NOT NULL,
    category      VARCHAR(50),
    department    VARCHAR(100),
    time_class    VARCHAR(20),
    legal_days    INTEGER,
    promised_days INTEGER,
    proxy_allowed BOOLEAN       NOT NULL,
    retired       BOOLEAN       NOT NULL,
    revision      INTEGER       NOT NULL,
    source        VARCHAR(2000)
);

CREATE TABLE sy_material (
    id                 VARCHAR(40)  NOT NULL PRIMARY KEY,
    matter_code        VARCHAR(32)  NOT NULL,
    ordinal            INTEGER      NOT NULL,
    name               VARCHAR(200) NOT NULL,
    required           BOOLEAN      NOT NULL,
    key_material       BOOLEAN      NOT NULL,
    commitment_allowed BOOLEAN      NOT NULL,
    revision           INTEGER      NOT NULL
);

CREATE INDEX sy_material_matter ON sy_material (matter_code, ordinal);

CREATE TABLE sy_calendar_day (
    calendar_date DATE       NOT NULL PRIMARY KEY,
    kind     VARCHAR(16)   NOT NULL,
    name     VARCHAR(100)  NOT NULL,
    source   VARCHAR(500)
);
