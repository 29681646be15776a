package io.vstage.gateway;

import org.springframework.core.Ordered;

/**
 * Order of vstage's global filters: defined relative to each other, all before the
 * gateway's {@code RouteToRequestUrlFilter} (10000) and before any route filter (1, 2,
 * ...).
 */
public final class GatewayFilterOrder {

	/** Gives every request an id first, so that every later refusal can name it. */
	public static final int REQUEST_ID = Ordered.HIGHEST_PRECEDENCE + 100;

	/** Wraps the rest of the chain to measure status and latency for usage events. */
	public static final int USAGE_EVENTS = REQUEST_ID + 100;

	/** Removes client-sent identity headers before anything reads them. */
	public static final int STRIP_IDENTITY_HEADERS = USAGE_EVENTS + 100;

	/**
	 * Refuses bodies of the wrong media type before any token is spent or any key is
	 * counted.
	 */
	public static final int JSON_BODY = STRIP_IDENTITY_HEADERS + 50;

	/** Turns the API key into a principal. */
	public static final int API_KEY_AUTHENTICATION = STRIP_IDENTITY_HEADERS + 100;

	/** Checks the principal's role against the route's. */
	public static final int ROLE = API_KEY_AUTHENTICATION + 100;

	/** Spends a token of the key's (or the address's) bucket. */
	public static final int RATE_LIMIT = ROLE + 100;

	/** Reserves daily quota units for generation requests. */
	public static final int QUOTA_RESERVATION = RATE_LIMIT + 100;

	/** Mints the internal JWT last, once everything it states is known. */
	public static final int INTERNAL_JWT = QUOTA_RESERVATION + 100;

	private GatewayFilterOrder() {
	}

}
