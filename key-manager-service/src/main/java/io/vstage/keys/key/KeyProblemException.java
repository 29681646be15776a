package io.vstage.keys.key;

import io.vstage.contracts.problem.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A key that does not exist, is not active, or may not be touched by the caller. */
public final class KeyProblemException extends ErrorResponseException {

	private KeyProblemException(HttpStatus status, String slug, String detail) {
		super(status, problem(status, slug, detail), null);
	}

	public static KeyProblemException notFound(Object id) {
		return new KeyProblemException(HttpStatus.NOT_FOUND, "key-not-found", "No API key with id " + id);
	}

	public static KeyProblemException notActive(Object id, KeyStatus status) {
		return new KeyProblemException(HttpStatus.CONFLICT, "key-not-active",
				"API key " + id + " is " + status.wireName());
	}

	public static KeyProblemException forbidden(String detail) {
		return new KeyProblemException(HttpStatus.FORBIDDEN, "forbidden", detail);
	}

	private static ProblemDetail problem(HttpStatus status, String slug, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemTypes.uri(slug));
		return problem;
	}

}
