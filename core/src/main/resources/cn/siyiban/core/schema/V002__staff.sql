-- Staff accounts. Central owns them and sends each account only to the node of the
-- staff member's point, password hash included, so that a clerk can log in offline.
-- The primary key is a UUID, never a local sequence, because rows are replicated.
-- department lists the departments a reviewer decides for, separated by commas.

CREATE TABLE sy_staff (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    username      VARCHAR(64)   NOT NULL,
    display_name  VARCHAR(100)  NOT NULL,
    staff_role    VARCHAR(32)   NOT NULL,
    point_code    VARCHAR(20),
    department    VARCHAR(500),
    password_hash VARCHAR(100)  NOT NULL,
    enabled       BOOLEAN       NOT NULL,
    updated_at    TIMESTAMP     NOT NULL,
    CONSTRAINT sy_staff_username UNIQUE (username)
);

-- Failed logins per user name, kept where the login happened and never replicated: a
-- lockout protects one machine's login form.
CREATE TABLE sy_login_failure (
    username     VARCHAR(64)   NOT NULL PRIMARY KEY,
    failures     INTEGER       NOT NULL,
    last_failure TIMESTAMP     NOT NULL,
    locked_until TIMESTAMP
);
