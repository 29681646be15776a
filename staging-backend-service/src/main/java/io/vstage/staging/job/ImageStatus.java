package io.vstage.staging.job;

/**
 * Life cycle of one variation: pending in our queue, submitted to an engine, then an
 * outcome.
 */
enum ImageStatus {

	PENDING, SUBMITTED, RUNNING, DONE, FAILED, CANCELLED;

	boolean isFinished() {
		return this == DONE || this == FAILED || this == CANCELLED;
	}

	boolean isOnEngine() {
		return this == SUBMITTED || this == RUNNING;
	}

}
