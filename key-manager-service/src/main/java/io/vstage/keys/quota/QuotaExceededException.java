package io.vstage.keys.quota;

import java.time.Duration;
import java.time.Instant;

import io.vstage.contracts.problem.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A reservation that would go over the key's daily quota. */
class QuotaExceededException extends ErrorResponseException {

	QuotaExceededException(int dailyQuota, int remaining, int requested, Instant resetsAt, Instant now) {
		super(HttpStatus.TOO_MANY_REQUESTS, problem(dailyQuota, remaining, requested, resetsAt), null);
		getHeaders().set("Retry-After", String.valueOf(Math.max(1, Duration.between(now, resetsAt).toSeconds())));
	}

	private static ProblemDetail problem(int dailyQuota, int remaining, int requested, Instant resetsAt) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "Daily quota of "
				+ dailyQuota + " exceeded: " + requested + " requested, " + remaining + " left until " + resetsAt);
		problem.setType(ProblemTypes.uri("quota-exceeded"));
		problem.setProperty("daily_quota", dailyQuota);
		problem.setProperty("remaining_today", remaining);
		problem.setProperty("requested", requested);
		problem.setProperty("resets_at", resetsAt.toString());
		return problem;
	}

}
