package io.vstage.contracts.problem;

import java.net.URI;

/**
 * The problem types of the suite: {@code https://vstage.io/problems/<slug>}. The slugs
 * here are those that more than one service answers, so that a client sees one name for
 * one refusal whichever service refused.
 */
public final class ProblemTypes {

	/** Every type is this base followed by its slug. */
	public static final String BASE = "https://vstage.io/problems/";

	/** 400: a request two readers could take differently. */
	public static final String AMBIGUOUS_REQUEST = "ambiguous-request";

	/** 400: a multipart body that cannot be read. */
	public static final String BAD_MULTIPART = "bad-multipart";

	/** 400: a request that cannot be read. */
	public static final String BAD_REQUEST = "bad-request";

	/** 422: a field with a value it may not have. */
	public static final String INVALID_FIELD = "invalid-field";

	/** 401: no valid credentials (key or internal token). */
	public static final String UNAUTHENTICATED = "unauthenticated";

	/** 403: the role may not do this. */
	public static final String FORBIDDEN = "forbidden";

	/** 404: nothing there (or nothing the caller may see). */
	public static final String NOT_FOUND = "not-found";

	/** 500: our fault, never the client's. */
	public static final String INTERNAL_ERROR = "internal-error";

	private ProblemTypes() {
	}

	/** The type URI of a slug. */
	public static URI uri(String slug) {
		return URI.create(BASE + slug);
	}

}
