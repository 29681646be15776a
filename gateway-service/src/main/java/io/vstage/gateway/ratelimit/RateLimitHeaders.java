package io.vstage.gateway.ratelimit;

import org.springframework.http.HttpHeaders;

/**
 * The IETF rate-limit headers (draft-ietf-httpapi-ratelimit-headers):
 * {@code RateLimit-Policy} states the quota and window, {@code RateLimit} the remaining
 * tokens and seconds until the bucket is full again; {@code Retry-After} is added on 429.
 */
public final class RateLimitHeaders {

	private RateLimitHeaders() {
	}

	/** Writes the headers of a probe under the given policy name. */
	public static void write(HttpHeaders headers, String policy, RateLimitProbe probe) {
		headers.set("RateLimit-Policy", "\"" + policy + "\";q=" + probe.limit() + ";w=60");
		headers.set("RateLimit", "\"" + policy + "\";r=" + probe.remaining() + ";t=" + probe.resetSeconds());
		if (!probe.consumed()) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(probe.retryAfterSeconds()));
		}
	}

}
