-- A release may arrive before its reservation: the gateway's reserve call timed out, it released
-- the id, and the slow reserve is processed afterwards. The release then records the id alone
-- (state 'released', no key, 0 units) in the same table, so that whichever of the two inserts
-- second meets the first's row through the primary key, and the late reserve is refused.
-- key_id becomes nullable for that row. SQLite cannot drop NOT NULL in place, so the table is
-- copied with statements both databases accept.

CREATE TABLE quota_reservations_new (
    id VARCHAR(36) PRIMARY KEY,
    key_id VARCHAR(36),
    units INTEGER NOT NULL,
    day VARCHAR(10) NOT NULL,
    state VARCHAR(16) NOT NULL,
    refunded_units INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
INSERT INTO quota_reservations_new (id, key_id, units, day, state, refunded_units, created_at, updated_at)
    SELECT id, key_id, units, day, state, refunded_units, created_at, updated_at FROM quota_reservations;
DROP TABLE quota_reservations;
ALTER TABLE quota_reservations_new RENAME TO quota_reservations;
CREATE INDEX idx_quota_reservations_key_day ON quota_reservations (key_id, day);
