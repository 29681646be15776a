package io.vstage.staging.job;

/**
 * Life cycle of a job.
 */
enum JobStatus {

	QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED;

	boolean isFinished() {
		return this == COMPLETED || this == FAILED || this == CANCELLED;
	}

}
