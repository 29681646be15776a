package io.vstage.gateway.ratelimit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import io.vstage.gateway.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
	void aRedisThatAcceptsButNeverAnswersBlocksNoCallerAndBucketsFallBack() throws IOException {
		try (SilentServer silent = new SilentServer();
				RedisBuckets redis = new RedisBuckets(silent.url(), "test:", Duration.ofSeconds(30))) {
			// the caller is a Netty event loop: asking must return at once, not after the
			// 30 s the connection attempt may take
			Disposable asked = assertTimeoutPreemptively(Duration.ofSeconds(5),
					() -> redis.consume("key:a", 2).subscribe());
			asked.dispose();
			RateLimitProperties properties = new RateLimitProperties(silent.url(), "test:", Duration.ofMillis(300),
					Duration.ofSeconds(5), 30, 30);
			ResilientBuckets buckets = new ResilientBuckets(redis, new LocalBuckets(), properties, new MutableClock());
			assertThat(buckets.consume("key:a", 2).block(Duration.ofSeconds(5)).consumed()).isTrue();
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

	/** Accepts connections and never writes a byte, as a frozen Redis would. */
	private static final class SilentServer implements AutoCloseable {

		private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

		private final List<Socket> accepted = new CopyOnWriteArrayList<>();

		SilentServer() throws IOException {
			Thread.ofVirtual().start(() -> {
				while (!this.server.isClosed()) {
					try {
						this.accepted.add(this.server.accept());
					}
					catch (IOException ex) {
						return;
					}
				}
			});
		}

		String url() {
			return "redis://127.0.0.1:" + this.server.getLocalPort();
		}

		@Override
		public void close() throws IOException {
			this.server.close();
			for (Socket socket : this.accepted) {
				socket.close();
			}
		}

	}

}
