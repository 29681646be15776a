package io.vstage.staging.job;

import org.springframework.http.HttpStatus;

import io.vstage.staging.StagingProblem;

/**
 * The job queue is full; the client should retry later.
 */
class QueueFullException extends StagingProblem {

	static final int RETRY_AFTER_SECONDS = 30;

	QueueFullException() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "queue-full",
				"Too many jobs are waiting; try again in " + RETRY_AFTER_SECONDS + " seconds.");
		getHeaders().set("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
	}

}
