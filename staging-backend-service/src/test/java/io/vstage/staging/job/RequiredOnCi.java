package io.vstage.staging.job;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real dependency a test needs (PostgreSQL, Redis, a browser): missing on a developer's
 * machine, the test is skipped and says why; missing with {@code CI=true}, it fails, so a
 * green CI never hides a test that did not run.
 */
final class RequiredOnCi {

	private RequiredOnCi() {
	}

	/** Ends the test now: a failure on CI, a skip elsewhere. */
	static void missing(String what) {
		if (Boolean.parseBoolean(System.getenv("CI"))) {
			Assertions.fail(what + ", and CI must run this test");
		}
		Assumptions.abort(what);
	}

}
