-- Whose a job is, as the access rules read it (io.vstage.contracts.access): the owner key's
-- role and the key that issued it. Jobs from before have neither: only their owner and the
-- super admin reach them.
ALTER TABLE staging_job ADD COLUMN owner_role VARCHAR(16);
ALTER TABLE staging_job ADD COLUMN owner_issued_by VARCHAR(200);
CREATE INDEX staging_job_issuer_created ON staging_job (owner_issued_by, created_at);
