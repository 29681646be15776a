package io.vstage.staging.engine;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.vstage.staging.engine.EngineEvent.Disconnected;

/**
 * Owns the one WebSocket to an instance: connects with the instance's client id, pings,
 * and reconnects with backoff after closing the old socket first (PROTOCOL.md 6.1).
 */
public class EngineEventStream {

	private static final Log logger = LogFactory.getLog(EngineEventStream.class);

	private final URI uri;

	private final HttpClient http;

	private final EngineFrames frames;

	private final EngineProperties properties;

	private ScheduledExecutorService scheduler;

	private final Consumer<EngineEvent> sink;

	private final Clock clock;

	private @Nullable WebSocket socket;

	private int generation;

	private int failures;

	private volatile boolean running;

	private volatile Instant lastMessageAt;

	private volatile Instant lastPongAt;

	EngineEventStream(URI uri, HttpClient http, EngineFrames frames, EngineProperties properties,
			Consumer<EngineEvent> sink, Clock clock) {
		this.uri = uri;
		this.http = http;
		this.frames = frames;
		this.properties = properties;
		this.sink = sink;
		this.clock = clock;
		this.lastMessageAt = clock.instant();
		this.lastPongAt = clock.instant();
	}

	/** Connects; the scheduler runs heartbeats and reconnects until the pool stops it. */
	synchronized void start(ScheduledExecutorService scheduler) {
		this.scheduler = scheduler;
		this.running = true;
		connect();
		long beat = this.properties.heartbeat().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
	}

	synchronized void stop() {
		this.running = false;
		this.generation++;
		if (this.socket != null) {
			this.socket.abort();
			this.socket = null;
		}
	}

	/** Whether a socket is open. */
	public synchronized boolean isConnected() {
		return this.socket != null && !this.socket.isInputClosed();
	}

	/** When the last text or binary message arrived. */
	public Instant lastMessageAt() {
		return this.lastMessageAt;
	}

	/** Drops the socket and reconnects, e.g. when the server stopped sending to it. */
	public synchronized void reconnect(String reason) {
		lost(this.generation, reason);
	}

	private synchronized void connect() {
		if (!this.running) {
			return;
		}
		// the old socket must be gone before the same client id registers again
		if (this.socket != null) {
			this.socket.abort();
			this.socket = null;
		}
		int current = ++this.generation;
		this.http.newWebSocketBuilder()
			.connectTimeout(this.properties.requestTimeout())
			.buildAsync(this.uri, new Listener(current))
			.whenComplete((webSocket, failure) -> opened(current, webSocket, failure));
	}

	private synchronized void opened(int current, @Nullable WebSocket webSocket, @Nullable Throwable failure) {
		if (failure != null || webSocket == null) {
			lost(current, "connect failed: " + ((failure != null) ? failure.getMessage() : "no socket"));
			return;
		}
		if (current != this.generation || !this.running) {
			webSocket.abort();
			return;
		}
		this.socket = webSocket;
		this.failures = 0;
		this.lastPongAt = this.clock.instant();
	}

	private synchronized void lost(int current, String reason) {
		if (current != this.generation || !this.running) {
			return;
		}
		this.generation++;
		if (this.socket != null) {
			this.socket.abort();
			this.socket = null;
		}
		long delay = Math.min(this.properties.reconnectMax().toMillis(),
				this.properties.reconnectMin().toMillis() << Math.min(this.failures, 10));
		this.failures++;
		logger.debug("WebSocket " + this.uri + " lost (" + reason + "), reconnecting in " + delay + " ms");
		this.sink.accept(new Disconnected(reason));
		this.scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
	}

	private void heartbeat() {
		WebSocket current;
		int gen;
		synchronized (this) {
			current = this.socket;
			gen = this.generation;
		}
		if (current == null) {
			return;
		}
		Duration sincePong = Duration.between(this.lastPongAt, this.clock.instant());
		if (sincePong.compareTo(this.properties.heartbeat().multipliedBy(2)) > 0) {
			lost(gen, "no pong for " + sincePong.toMillis() + " ms");
			return;
		}
		current.sendPing(ByteBuffer.allocate(0));
	}

	private void deliver(EngineEvent event) {
		this.lastMessageAt = this.clock.instant();
		try {
			this.sink.accept(event);
		}
		catch (RuntimeException ex) {
			logger.warn("Engine event " + event + " not handled", ex);
		}
	}

	private final class Listener implements WebSocket.Listener {

		private final int generation;

		private final StringBuilder text = new StringBuilder();

		private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

		Listener(int generation) {
			this.generation = generation;
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.text.append(data);
			if (last) {
				deliver(EngineEventStream.this.frames.text(this.text.toString()));
				this.text.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
			byte[] chunk = new byte[data.remaining()];
			data.get(chunk);
			this.binary.writeBytes(chunk);
			if (last) {
				deliver(EngineEventStream.this.frames.binary(ByteBuffer.wrap(this.binary.toByteArray())));
				this.binary.reset();
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
			EngineEventStream.this.lastPongAt = EngineEventStream.this.clock.instant();
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			lost(this.generation, "closed " + statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			lost(this.generation, "error " + error.getMessage());
		}

	}

}
