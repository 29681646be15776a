-- One migration set for SQLite and PostgreSQL: only types and statements both accept.
-- Ids are UUID strings; times are epoch milliseconds (BIGINT), so both databases store and
-- compare them identically; quota days are 'YYYY-MM-DD' strings in the quota zone.

CREATE TABLE api_keys (
    id VARCHAR(36) PRIMARY KEY,
    display_prefix VARCHAR(32) NOT NULL,
    key_hash VARCHAR(64) NOT NULL UNIQUE,
    previous_key_hash VARCHAR(64) UNIQUE,
    previous_valid_until BIGINT,
    name VARCHAR(100) NOT NULL,
    owner_email VARCHAR(254) NOT NULL,
    organization VARCHAR(200),
    role VARCHAR(16) NOT NULL,
    status VARCHAR(16) NOT NULL,
    rate_limit_per_minute INTEGER NOT NULL,
    daily_quota INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT,
    expires_at BIGINT,
    created_by VARCHAR(64) NOT NULL,
    metadata TEXT,
    version BIGINT NOT NULL
);
CREATE INDEX idx_api_keys_created_by ON api_keys (created_by);
CREATE INDEX idx_api_keys_owner_email ON api_keys (owner_email);
CREATE INDEX idx_api_keys_status_expires ON api_keys (status, expires_at);

-- Single-row counter: updating it row-locks until commit, so feed entries become visible in
-- sequence order on PostgreSQL too (a reader never skips a lower seq committed later).
CREATE TABLE key_change_head (
    id INTEGER PRIMARY KEY,
    seq BIGINT NOT NULL
);
INSERT INTO key_change_head (id, seq) VALUES (1, 0);

CREATE TABLE key_changes (
    seq BIGINT PRIMARY KEY,
    key_id VARCHAR(36) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    at BIGINT NOT NULL
);

CREATE TABLE quota_counters (
    key_id VARCHAR(36) NOT NULL,
    day VARCHAR(10) NOT NULL,
    used INTEGER NOT NULL,
    PRIMARY KEY (key_id, day)
);

CREATE TABLE quota_reservations (
    id VARCHAR(36) PRIMARY KEY,
    key_id VARCHAR(36) NOT NULL,
    units INTEGER NOT NULL,
    day VARCHAR(10) NOT NULL,
    state VARCHAR(16) NOT NULL,
    refunded_units INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX idx_quota_reservations_key_day ON quota_reservations (key_id, day);

CREATE TABLE usage_events (
    id VARCHAR(36) PRIMARY KEY,
    key_id VARCHAR(36) NOT NULL,
    request_id VARCHAR(100),
    method VARCHAR(16),
    route VARCHAR(200),
    status INTEGER NOT NULL,
    latency_ms INTEGER NOT NULL,
    units INTEGER NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX idx_usage_events_key_at ON usage_events (key_id, at);

CREATE TABLE audit_events (
    id VARCHAR(36) PRIMARY KEY,
    actor VARCHAR(64) NOT NULL,
    actor_role VARCHAR(16) NOT NULL,
    action VARCHAR(32) NOT NULL,
    target VARCHAR(64),
    before_state TEXT,
    after_state TEXT,
    client_address VARCHAR(64),
    at BIGINT NOT NULL
);
CREATE INDEX idx_audit_events_at ON audit_events (at);
