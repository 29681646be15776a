package io.vstage.staging;

import java.util.List;
import java.util.Map;

import io.vstage.contracts.problem.ProblemTypes;

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

	/** A problem naming the field at fault, in {@code errors[]} like the gateway's. */
	public StagingProblem(HttpStatus status, String slug, String field, String detail) {
		super(status, withField(problem(status, slug, detail), field, detail), null);
	}

	private static ProblemDetail withField(ProblemDetail problem, String field, String detail) {
		problem.setProperty("errors", List.of(Map.of("field", field, "detail", detail)));
		return problem;
	}

	static ProblemDetail problem(HttpStatus status, String slug, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemTypes.uri(slug));
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

}
