-- 好差评: a citizen's rating of one visit to a point, given on the screen the clerk hands over.
-- The point writes each row once, under the visit id that the rating page creates when it
-- opens, so a double submit finds the row already saved. case_no is null for a visit without a
-- case; the unique constraint allows one rating per case (several nulls are allowed on Derby and
-- PostgreSQL). clerk is the username of the clerk who served the citizen. Levels run from 1
-- (非常不满意) to 5 (非常满意): overall is 整体满意度, the level that averages and rectification use.
-- efficiency (服务效率), competence (服务水平) and attitude (服务态度) are null when the citizen
-- skipped them. real_name is true when the rating names its case, whose applicant is on record.
CREATE TABLE sy_rating (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    origin_point  VARCHAR(20)   NOT NULL,
    case_no       VARCHAR(40),
    clerk         VARCHAR(64)   NOT NULL,
    overall       SMALLINT      NOT NULL,
    efficiency    SMALLINT,
    competence    SMALLINT,
    attitude      SMALLINT,
    comment_text  VARCHAR(500),
    real_name     BOOLEAN       NOT NULL,
    rated_at      TIMESTAMP     NOT NULL,
    CONSTRAINT sy_rating_case UNIQUE (case_no),
    CONSTRAINT sy_rating_overall_level CHECK (overall BETWEEN 1 AND 5),
    CONSTRAINT sy_rating_efficiency_level CHECK (efficiency BETWEEN 1 AND 5),
    CONSTRAINT sy_rating_competence_level CHECK (competence BETWEEN 1 AND 5),
    CONSTRAINT sy_rating_attitude_level CHECK (attitude BETWEEN 1 AND 5)
);

CREATE INDEX sy_rating_clerk ON sy_rating (origin_point, clerk);

-- A rating that central found malicious or mistaken. The rating row stays, and an annulled
-- rating only drops out of averages and rankings. Written once, at central, and sent down to the
-- rating's point so the point's clerk figures leave it out too.
CREATE TABLE sy_rating_annulment (
    rating_id     VARCHAR(36)   NOT NULL PRIMARY KEY,
    origin_point  VARCHAR(20)   NOT NULL,
    reason        VARCHAR(500)  NOT NULL,
    annulled_by   VARCHAR(64)   NOT NULL,
    annulled_at   TIMESTAMP     NOT NULL
);
