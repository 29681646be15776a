-- One schema for SQLite and PostgreSQL: ids are UUID strings, times are epoch milliseconds.
CREATE TABLE staging_job (
    id              VARCHAR(36) PRIMARY KEY,
    owner_id        VARCHAR(200) NOT NULL,
    reservation_id  VARCHAR(64),
    room_type       VARCHAR(64) NOT NULL,
    style           VARCHAR(64) NOT NULL,
    workflow        VARCHAR(64) NOT NULL,
    prompt          TEXT,
    negative_prompt TEXT,
    num_images      INTEGER NOT NULL,
    input_count     INTEGER NOT NULL,
    seed            BIGINT NOT NULL,
    label           VARCHAR(200),
    webhook_url     VARCHAR(2048),
    status          VARCHAR(16) NOT NULL,
    error           TEXT,
    created_at      BIGINT NOT NULL,
    started_at      BIGINT,
    finished_at     BIGINT
);
CREATE INDEX staging_job_owner_created ON staging_job (owner_id, created_at);
CREATE INDEX staging_job_status ON staging_job (status);

CREATE TABLE job_image (
    id              VARCHAR(36) PRIMARY KEY,
    job_id          VARCHAR(36) NOT NULL REFERENCES staging_job (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    input_index     INTEGER NOT NULL,
    seed            BIGINT NOT NULL,
    status          VARCHAR(16) NOT NULL,
    engine_url      VARCHAR(512),
    prompt_id       VARCHAR(36),
    attempts        INTEGER NOT NULL,
    error           TEXT,
    submitted_at    BIGINT,
    finished_at     BIGINT
);
CREATE INDEX job_image_job ON job_image (job_id, position);
CREATE INDEX job_image_status ON job_image (status);

CREATE TABLE refund_outbox (
    reservation_id  VARCHAR(64) PRIMARY KEY,
    job_id          VARCHAR(36) NOT NULL,
    units           INTEGER NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    acknowledged_at BIGINT,
    last_error      TEXT,
    created_at      BIGINT NOT NULL
);

CREATE TABLE webhook_delivery (
    id              VARCHAR(36) PRIMARY KEY,
    job_id          VARCHAR(36) NOT NULL,
    event_type      VARCHAR(32) NOT NULL,
    url             VARCHAR(2048) NOT NULL,
    payload         TEXT NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at BIGINT,
    delivered_at    BIGINT,
    last_error      TEXT,
    created_at      BIGINT NOT NULL
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at);
