-- A job belongs to one backend through a lease: lease_owner is the backend's instance id,
-- lease_until (epoch ms) is renewed by that backend's heartbeat. Rows from before leases
-- start expired, so the first backend to start takes them over.
ALTER TABLE staging_job ADD COLUMN lease_owner VARCHAR(100) NOT NULL DEFAULT '';
ALTER TABLE staging_job ADD COLUMN lease_until BIGINT NOT NULL DEFAULT 0;
CREATE INDEX staging_job_lease ON staging_job (status, lease_until);
