package io.vstage.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import reactor.core.publisher.Mono;

import io.vstage.gateway.ClientAddress;
import io.vstage.gateway.web.ProblemResponder;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Brute-force protection that throttles failures, not keys: every refused key spends a
 * token of the client address's bucket, and while the bucket is empty a refused key is
 * answered 429 instead of 401. A valid key is never looked at here, so an address that
 * many clients share (a proxy, a NAT, a hostile page making browsers guess) cannot lock
 * out its valid keys.
 */
@Component
public class FailedAuthenticationLimiter {

	private final RateLimitBuckets buckets;

	private final RateLimitProperties properties;

	private final ProblemResponder problems;

	// addresses over their limit until a token is back; local, so that answering a
	// guess from such an address costs no Redis call
	private final Cache<String, RateLimitProbe> blocked = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfter(Expiry.<String, RateLimitProbe>creating(
				(address, probe) -> Duration.ofSeconds(Math.max(1, probe.retryAfterSeconds()))))
		.build();

	FailedAuthenticationLimiter(RateLimitBuckets buckets, RateLimitProperties properties, ProblemResponder problems) {
		this.buckets = buckets;
		this.properties = properties;
		this.problems = problems;
	}

	/**
	 * Counts a refused key of the exchange's client address and answers with
	 * {@code refusal} (the usual 401), or with 429
	 * {@code too-many-failed-authentications} when the address is over its limit.
	 */
	public Mono<Void> refuse(ServerWebExchange exchange, Supplier<Mono<Void>> refusal) {
		ClientAddress address = ClientAddress.of(exchange);
		RateLimitProbe known = this.blocked.getIfPresent(address.value());
		if (known != null) {
			return tooManyFailures(exchange, known);
		}
		return this.buckets.consume("authfail:" + address.value(), this.properties.failedAuthenticationsPerMinute())
			.flatMap((probe) -> {
				if (probe.consumed()) {
					return refusal.get();
				}
				this.blocked.put(address.value(), probe);
				return tooManyFailures(exchange, probe);
			});
	}

	private Mono<Void> tooManyFailures(ServerWebExchange exchange, RateLimitProbe probe) {
		RateLimitHeaders.write(exchange.getResponse().getHeaders(), "failed-auth", probe);
		return this.problems.reject(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-authentications",
				"Too many failed authentications from this address; retry in " + probe.retryAfterSeconds() + " s",
				Map.of("retry_after_seconds", probe.retryAfterSeconds()));
	}

}
