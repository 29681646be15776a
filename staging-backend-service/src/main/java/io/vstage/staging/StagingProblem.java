package io.vstage.staging;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A client-facing error with a stable problem type
 * {@code https://vstage.io/problems/<slug>}.
 */
public class StagingProblem extends ErrorResponseException {

	public StagingProblem(HttpStatus status, String slug, String detail) {
		super(status, problem(status, slug, detail), null);
	}

	static ProblemDetail problem(HttpStatus status, String slug, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://vstage.io/problems/" + slug));
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

}
