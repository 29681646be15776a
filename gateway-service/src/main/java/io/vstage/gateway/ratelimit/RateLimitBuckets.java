package io.vstage.gateway.ratelimit;

import reactor.core.publisher.Mono;

/**
 * Token buckets by name, each refilled greedily to {@code perMinute} tokens a minute.
 */
public interface RateLimitBuckets {

	/** Spends one token of the named bucket. */
	Mono<RateLimitProbe> consume(String bucket, long perMinute);

}
