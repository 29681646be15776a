package io.vstage.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;

import io.vstage.gateway.Exchanges;

/**
 * Limiters on local buckets for tests in other packages.
 */
public final class FailedAuthenticationLimiterFixture {

	private FailedAuthenticationLimiterFixture() {
	}

	/** A limiter that lets {@code perMinute} failures through per address. */
	public static FailedAuthenticationLimiter allowing(long perMinute) {
		RateLimitProperties properties = properties(perMinute);
		return new FailedAuthenticationLimiter(
				new ResilientBuckets(null, new LocalBuckets(), properties, Clock.systemUTC()), properties,
				Exchanges.problems());
	}

	static RateLimitProperties properties(long perMinute) {
		return new RateLimitProperties(null, "test:", Duration.ofMillis(250), Duration.ofSeconds(5), perMinute,
				perMinute);
	}

}
