package io.vstage.gateway.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.vstage.gateway.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class ResilientBucketsTests {

	@Test
	void unreachableRedisFallsBackToLocalBucketsAndSaysSo() {
		RateLimitProperties properties = new RateLimitProperties("redis://127.0.0.1:1", "test:", Duration.ofMillis(300),
				Duration.ofSeconds(5), 30, 30);
		MutableClock clock = new MutableClock();
		try (RedisBuckets redis = new RedisBuckets("redis://127.0.0.1:1", "test:", Duration.ofMillis(300))) {
			ResilientBuckets buckets = new ResilientBuckets(redis, new LocalBuckets(), properties, clock);
			assertThat(buckets.mode()).isEqualTo("redis");
			RateLimitProbe first = buckets.consume("key:a", 2).block();
			RateLimitProbe second = buckets.consume("key:a", 2).block();
			RateLimitProbe third = buckets.consume("key:a", 2).block();
			assertThat(first.consumed()).isTrue();
			assertThat(second.consumed()).isTrue();
			assertThat(third.consumed()).isFalse();
			assertThat(buckets.mode()).isEqualTo("local-fallback");
		}
	}

	@Test
	void withoutRedisBucketsAreLocal() {
		RateLimitProperties properties = FailedAuthenticationLimiterFixture.properties(30);
		ResilientBuckets buckets = new ResilientBuckets(null, new LocalBuckets(), properties, new MutableClock());
		assertThat(buckets.mode()).isEqualTo("local");
		assertThat(buckets.consume("key:a", 1).block().consumed()).isTrue();
		assertThat(buckets.consume("key:a", 1).block().consumed()).isFalse();
	}

}
