package io.vstage.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
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

	private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

	private final RedisClient client;

	private final RedisURI uri;

	private final String keyPrefix;

	private @Nullable CompletableFuture<AsyncProxyManager<String>> proxies;

	RedisBuckets(String redisUrl, String keyPrefix, Duration timeout) {
		this.client = RedisClient.create();
		this.client.setDefaultTimeout(timeout);
		// while Lettuce reconnects, a command fails at once instead of waiting in a
		// queue for a Redis that may be gone for minutes
		this.client.setOptions(ClientOptions.builder()
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.build());
		this.uri = RedisURI.create(redisUrl);
		this.uri.setTimeout(timeout);
		this.keyPrefix = keyPrefix;
		// the first connection (Lettuce's event loops) and the first bucket operation
		// (Bucket4j's script) take longer than a request may wait: both happen now, in
		// the background, so that the first requests already share their buckets
		proxies().thenCompose((proxies) -> tryConsume(proxies, keyPrefix + "warm-up", 1)).exceptionally((ex) -> null);
	}

	// Connected at start, and again on the first use after a failed attempt, without
	// ever blocking the caller: it is a Netty event loop, which also carries the key
	// manager's calls. A gateway starts (on local buckets) while Redis is down; once
	// connected, Lettuce reconnects by itself.
	private synchronized CompletableFuture<AsyncProxyManager<String>> proxies() {
		CompletableFuture<AsyncProxyManager<String>> current = this.proxies;
		if (current == null || current.isCompletedExceptionally()) {
			current = this.client.connectAsync(CODEC, this.uri).toCompletableFuture().thenApply(RedisBuckets::manager);
			this.proxies = current;
		}
		return current;
	}

	private static AsyncProxyManager<String> manager(StatefulRedisConnection<String, byte[]> connection) {
		return Bucket4jLettuce.casBasedBuilder(connection)
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
			.build()
			.asAsync();
	}

	@Override
	public Mono<RateLimitProbe> consume(String bucket, long perMinute) {
		String key = this.keyPrefix + bucket + "|" + perMinute;
		// a caller that gives up must not cancel the connection every caller waits for
		return Mono.fromFuture(proxies(), true)
			.flatMap((proxies) -> Mono.fromFuture(() -> tryConsume(proxies, key, perMinute)))
			.map((probe) -> BucketShapes.probe(probe, perMinute));
	}

	private static CompletableFuture<ConsumptionProbe> tryConsume(AsyncProxyManager<String> proxies, String key,
			long perMinute) {
		return proxies.builder()
			.build(key, () -> CompletableFuture.completedFuture(BucketShapes.perMinute(perMinute)))
			.tryConsumeAndReturnRemaining(1);
	}

	@Override
	public void close() {
		// closes the connection too
		this.client.shutdown();
	}

	@Override
	public String toString() {
		return "RedisBuckets[prefix=" + this.keyPrefix + "]";
	}

}
