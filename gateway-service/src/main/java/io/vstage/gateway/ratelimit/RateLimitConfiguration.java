package io.vstage.gateway.ratelimit;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bucket store: local, or Redis with a local fallback; which one is in use is a
 * metric (public health says only UP or DOWN).
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
	 * {@code vstage.gateway.rate.limit.store}: 1 for the store in use ({@code mode} =
	 * {@code local}, {@code redis} or {@code local-fallback}), 0 for the others; on the
	 * private {@code /actuator/prometheus}, since public health says no more than UP.
	 */
	@Bean
	MeterBinder rateLimitStoreMetric(ResilientBuckets buckets) {
		return (registry) -> {
			for (String mode : List.of("local", "redis", "local-fallback")) {
				Gauge.builder("vstage.gateway.rate.limit.store", () -> mode.equals(buckets.mode()) ? 1 : 0)
					.description("Which store the rate-limit buckets are in")
					.tag("mode", mode)
					.register(registry);
			}
		};
	}

}
