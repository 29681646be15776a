package io.vstage.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Buckets shared by every gateway on one Redis, through Bucket4j's Lettuce proxy manager
 * (compare-and-swap, so concurrent gateways never spend the same token twice).
 */
class RedisBuckets implements RateLimitBuckets, AutoCloseable {

	private final RedisClient client;

	private final String keyPrefix;

	private @Nullable StatefulRedisConnection<String, byte[]> connection;

	private @Nullable AsyncProxyManager<String> proxies;

	RedisBuckets(String redisUrl, String keyPrefix, Duration timeout) {
		this.client = RedisClient.create(redisUrl);
		this.client.setDefaultTimeout(timeout);
		this.keyPrefix = keyPrefix;
	}

	// connected on first use, so that a gateway starts (on local buckets) while Redis is
	// down;
	// once connected, Lettuce reconnects by itself
	private synchronized AsyncProxyManager<String> proxies() {
		if (this.proxies == null) {
			this.connection = this.client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
			this.proxies = Bucket4jLettuce.casBasedBuilder(this.connection)
				.expirationAfterWrite(
						ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
				.build()
				.asAsync();
		}
		return this.proxies;
	}

	@Override
	public Mono<RateLimitProbe> consume(String bucket, long perMinute) {
		String key = this.keyPrefix + bucket + "|" + perMinute;
		return Mono
			.fromFuture(() -> proxies().builder()
				.build(key, () -> CompletableFuture.completedFuture(BucketShapes.perMinute(perMinute)))
				.tryConsumeAndReturnRemaining(1))
			.map((probe) -> BucketShapes.probe(probe, perMinute));
	}

	@Override
	public synchronized void close() {
		if (this.connection != null) {
			this.connection.close();
		}
		this.client.shutdown();
	}

	@Override
	public String toString() {
		return "RedisBuckets[prefix=" + this.keyPrefix + "]";
	}

}
