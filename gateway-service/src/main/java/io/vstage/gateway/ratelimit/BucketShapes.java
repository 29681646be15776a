package io.vstage.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * The one bucket shape the gateway uses, and the translation of Bucket4j's probe.
 */
final class BucketShapes {

	private BucketShapes() {
	}

	static BucketConfiguration perMinute(long perMinute) {
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
			.build();
	}

	static RateLimitProbe probe(ConsumptionProbe probe, long perMinute) {
		return new RateLimitProbe(probe.isConsumed(), perMinute, probe.getRemainingTokens(),
				ceilSeconds(probe.getNanosToWaitForReset()),
				probe.isConsumed() ? 0 : Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill())));
	}

	private static long ceilSeconds(long nanos) {
		return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
	}

}
