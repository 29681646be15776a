package io.vstage.contracts.request;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The request id rule: the gateway keeps a client's id of this form (or makes one) and
 * forwards it; every service puts it into its logging context and echoes it.
 */
public final class RequestIds {

	/** The header that carries it. */
	public static final String HEADER = "X-Request-Id";

	/** Its key in the logging context (MDC). */
	public static final String MDC_KEY = "requestId";

	// short and plain, so that it cannot forge a log line or fill one
	private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private RequestIds() {
	}

	/** Whether a sent id may be kept as it is. */
	public static boolean isValid(@Nullable String id) {
		return id != null && FORM.matcher(id).matches();
	}

}
