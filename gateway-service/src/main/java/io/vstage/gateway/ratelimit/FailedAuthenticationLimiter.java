package io.vstage.gateway.ratelimit;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import reactor.core.publisher.Mono;

import io.vstage.gateway.ClientAddress;

import org.springframework.stereotype.Component;

/**
 * Brute-force protection: failed authentications spend tokens of the client address's
 * bucket; once it is empty, the address is refused before any key lookup until a token is
 * back.
 */
@Component
public class FailedAuthenticationLimiter {

	private final RateLimitBuckets buckets;

	private final RateLimitProperties properties;

	// addresses refused until a token is back; local, so that blocking costs no Redis
	// call
	private final Cache<String, RateLimitProbe> blocked = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfter(Expiry.<String, RateLimitProbe>creating(
				(address, probe) -> Duration.ofSeconds(Math.max(1, probe.retryAfterSeconds()))))
		.build();

	FailedAuthenticationLimiter(RateLimitBuckets buckets, RateLimitProperties properties) {
		this.buckets = buckets;
		this.properties = properties;
	}

	/** The refusal to repeat when the address is blocked. */
	public Optional<RateLimitProbe> blocked(ClientAddress address) {
		return Optional.ofNullable(this.blocked.getIfPresent(address.value()));
	}

	/** Counts a failure; the probe says whether the address may still try. */
	public Mono<RateLimitProbe> recordFailure(ClientAddress address) {
		return this.buckets.consume("authfail:" + address.value(), this.properties.failedAuthenticationsPerMinute())
			.doOnNext((probe) -> {
				if (!probe.consumed()) {
					this.blocked.put(address.value(), probe);
				}
			});
	}

}
