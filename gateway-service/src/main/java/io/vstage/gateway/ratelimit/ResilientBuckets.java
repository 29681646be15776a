package io.vstage.gateway.ratelimit;

import java.time.Clock;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Redis buckets when configured and reachable, local buckets otherwise. A Redis failure
 * switches this gateway to local buckets for {@code redis-retry-after}, says so in the
 * log, and shows it in health; then Redis is tried again.
 */
class ResilientBuckets implements RateLimitBuckets {

	private static final Log logger = LogFactory.getLog(ResilientBuckets.class);

	private final @Nullable RedisBuckets redis;

	private final LocalBuckets local;

	private final RateLimitProperties properties;

	private final Clock clock;

	private volatile @Nullable Instant fallbackUntil;

	ResilientBuckets(@Nullable RedisBuckets redis, LocalBuckets local, RateLimitProperties properties, Clock clock) {
		this.redis = redis;
		this.local = local;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public Mono<RateLimitProbe> consume(String bucket, long perMinute) {
		RedisBuckets shared = this.redis;
		Instant until = this.fallbackUntil;
		if (shared == null || (until != null && this.clock.instant().isBefore(until))) {
			return this.local.consume(bucket, perMinute);
		}
		return shared.consume(bucket, perMinute)
			.timeout(this.properties.redisTimeout())
			.doOnNext((probe) -> recovered())
			.onErrorResume((ex) -> {
				fellBack(ex);
				return this.local.consume(bucket, perMinute);
			});
	}

	/** {@code redis}, {@code local} (no Redis configured) or {@code local-fallback}. */
	String mode() {
		if (this.redis == null) {
			return "local";
		}
		return (this.fallbackUntil != null) ? "local-fallback" : "redis";
	}

	private void fellBack(Throwable ex) {
		if (this.fallbackUntil == null) {
			logger.warn("Redis rate-limit store unreachable, using this gateway's local buckets: " + ex);
		}
		this.fallbackUntil = this.clock.instant().plus(this.properties.redisRetryAfter());
	}

	private void recovered() {
		if (this.fallbackUntil != null) {
			logger.info("Redis rate-limit store is back; buckets are shared again");
			this.fallbackUntil = null;
		}
	}

}
