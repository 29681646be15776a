package io.vstage.gateway.ratelimit;

import java.time.Clock;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bucket store: local, or Redis with a local fallback.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	@Bean(destroyMethod = "")
	ResilientBuckets rateLimitBuckets(RateLimitProperties properties, Clock clock) {
		RedisBuckets redis = properties.redisEnabled()
				? new RedisBuckets(properties.redisUrl(), properties.redisKeyPrefix(), properties.redisTimeout())
				: null;
		return new ResilientBuckets(redis, new LocalBuckets(), properties, clock);
	}

	/**
	 * Shows in {@code /actuator/health} whether buckets are shared, local, or fell back.
	 */
	@Bean
	HealthIndicator rateLimitStoreHealthIndicator(ResilientBuckets buckets) {
		return () -> Health.up()
			.withDetail("mode", buckets.mode())
			.withDetail("degraded", "local-fallback".equals(buckets.mode()))
			.build();
	}

}
