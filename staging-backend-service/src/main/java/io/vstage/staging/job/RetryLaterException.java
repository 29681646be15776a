package io.vstage.staging.job;

import org.springframework.http.HttpStatus;

import io.vstage.staging.StagingProblem;

/**
 * A job the backend cannot take now but could in a while: 503 with {@code Retry-After}.
 */
final class RetryLaterException extends StagingProblem {

	static final int RETRY_AFTER_SECONDS = 30;

	private RetryLaterException(String slug, String detail) {
		super(HttpStatus.SERVICE_UNAVAILABLE, slug, detail + " Try again in " + RETRY_AFTER_SECONDS + " seconds.");
		getHeaders().set("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
	}

	/** Too many jobs are waiting already. */
	static RetryLaterException queueFull() {
		return new RetryLaterException("queue-full", "Too many jobs are waiting.");
	}

	/**
	 * No engine has answered for a while: a new job would only wait (accepted jobs keep
	 * waiting for an engine).
	 */
	static RetryLaterException enginesDown() {
		return new RetryLaterException("engine-unavailable", "No staging engine is reachable right now.");
	}

}
