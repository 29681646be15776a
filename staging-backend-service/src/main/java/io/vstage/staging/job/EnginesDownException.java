package io.vstage.staging.job;

import org.springframework.http.HttpStatus;

import io.vstage.staging.StagingProblem;

/**
 * No ComfyUI instance has answered for a while: a new job would only wait, so it is
 * refused and the client retries later (jobs already accepted keep waiting for an
 * engine).
 */
class EnginesDownException extends StagingProblem {

	static final int RETRY_AFTER_SECONDS = 30;

	EnginesDownException() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "engine-unavailable",
				"No staging engine is reachable right now; try again in " + RETRY_AFTER_SECONDS + " seconds.");
		getHeaders().set("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
	}

}
