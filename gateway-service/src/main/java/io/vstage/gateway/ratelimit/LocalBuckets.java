package io.vstage.gateway.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import reactor.core.publisher.Mono;

/**
 * Buckets in this gateway's memory. A bucket unused for two minutes is full again anyway,
 * so it is dropped.
 */
class LocalBuckets implements RateLimitBuckets {

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofMinutes(2))
		.maximumSize(1_000_000)
		.build();

	@Override
	public Mono<RateLimitProbe> consume(String bucket, long perMinute) {
		// the limit is part of the name, so an edited limit starts a bucket of the new
		// shape
		Bucket tokens = this.buckets.get(bucket + "|" + perMinute,
				(name) -> Bucket.builder().addLimit(BucketShapes.perMinute(perMinute).getBandwidths()[0]).build());
		return Mono.just(BucketShapes.probe(tokens.tryConsumeAndReturnRemaining(1), perMinute));
	}

}
