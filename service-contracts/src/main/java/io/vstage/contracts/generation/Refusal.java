package io.vstage.contracts.generation;

import org.jspecify.annotations.Nullable;

import io.vstage.contracts.problem.ProblemTypes;

/**
 * Why a generation request is refused, as the problem both services answer.
 *
 * @param status the HTTP status
 * @param slug the problem type's slug (see {@link ProblemTypes})
 * @param field the form field at fault, if one is
 * @param detail what is wrong, for the client
 */
public record Refusal(int status, String slug, @Nullable String field, String detail) {

	static Refusal ambiguous(@Nullable String field, String detail) {
		return new Refusal(400, ProblemTypes.AMBIGUOUS_REQUEST, field, detail);
	}

	static Refusal badMultipart(String detail) {
		return new Refusal(400, ProblemTypes.BAD_MULTIPART, null, detail);
	}

	static Refusal badRequest(String detail) {
		return new Refusal(400, ProblemTypes.BAD_REQUEST, null, detail);
	}

	static Refusal invalid(String field, String detail) {
		return new Refusal(422, ProblemTypes.INVALID_FIELD, field, detail);
	}

}
