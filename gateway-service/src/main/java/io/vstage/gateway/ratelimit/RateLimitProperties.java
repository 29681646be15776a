package io.vstage.gateway.ratelimit;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits.
 *
 * @param redisUrl Redis shared by several gateways ({@code RATE_LIMIT_REDIS_URL}); empty
 * keeps buckets in memory
 * @param redisKeyPrefix prefix of every bucket key in Redis
 * @param redisTimeout longest wait for Redis before this request falls back to a local
 * bucket
 * @param redisRetryAfter how long local buckets are used after Redis failed, before it is
 * tried again
 * @param perAddressPerMinute requests per minute per client address on routes that take a
 * key from the body
 * @param failedAuthenticationsPerMinute failed authentications per minute per client
 * address before the address gets 429
 */
@ConfigurationProperties("vstage.gateway.rate-limit")
@Validated
public record RateLimitProperties(@Nullable String redisUrl, @DefaultValue("vstage:rl:") String redisKeyPrefix,
		@DefaultValue("250ms") Duration redisTimeout, @DefaultValue("5s") Duration redisRetryAfter,
		@DefaultValue("30") @Min(1) long perAddressPerMinute,
		@DefaultValue("30") @Min(1) long failedAuthenticationsPerMinute) {

	/** Whether buckets are shared in Redis. */
	public boolean redisEnabled() {
		return this.redisUrl != null && !this.redisUrl.isBlank();
	}

}
