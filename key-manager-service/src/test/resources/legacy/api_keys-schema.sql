-- The first (Python) version's api_keys.db, as the legacy import reads it (SQLite).
-- Keys are stored by their SHA-256 (lowercase hex of the whole key); key_prefix is the key's
-- first 12 characters followed by '...'. status is 'active' or 'revoked'; role may be NULL.

CREATE TABLE api_keys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key_hash TEXT UNIQUE NOT NULL,
    key_prefix TEXT NOT NULL,
    name TEXT NOT NULL,
    status TEXT DEFAULT 'active',
    user_email TEXT NOT NULL,
    organization TEXT,
    role TEXT DEFAULT 'user',
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    last_used TIMESTAMP,
    revoked_at TIMESTAMP,
    rate_limit INTEGER DEFAULT 60,
    daily_quota INTEGER DEFAULT 100,
    current_daily_usage INTEGER DEFAULT 0,
    last_quota_reset DATE DEFAULT CURRENT_DATE
);

CREATE TABLE usage_logs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    api_key_id INTEGER REFERENCES api_keys (id),
    service_name TEXT NOT NULL,
    request_timestamp TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    response_time_ms INTEGER,
    success BOOLEAN DEFAULT TRUE,
    error_message TEXT
);

CREATE INDEX idx_api_keys_key_hash ON api_keys (key_hash);
CREATE INDEX idx_api_keys_user_email ON api_keys (user_email);
CREATE INDEX idx_api_keys_status ON api_keys (status);
CREATE INDEX idx_api_keys_role ON api_keys (role);
CREATE INDEX idx_usage_logs_api_key_id ON usage_logs (api_key_id);
CREATE INDEX idx_usage_logs_request_timestamp ON usage_logs (request_timestamp);
