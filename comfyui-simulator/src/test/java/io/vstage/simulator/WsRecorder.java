package io.vstage.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/** Records every message a ComfyUI WebSocket receives, in order. */
final class WsRecorder implements WebSocket.Listener, AutoCloseable {

	final List<JsonNode> messages = new CopyOnWriteArrayList<>();

	final List<byte[]> binary = new CopyOnWriteArrayList<>();

	private final StringBuilder partial = new StringBuilder();

	private volatile boolean closed;

	private WebSocket socket;

	static WsRecorder connect(HttpClient http, URI uri) {
		WsRecorder recorder = new WsRecorder();
		recorder.socket = http.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.buildAsync(uri, recorder)
			.join();
		await().atMost(Duration.ofSeconds(5)).until(() -> !recorder.messages.isEmpty());
		return recorder;
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			this.messages.add(ComfyClient.JSON.readTree(this.partial.toString()));
			this.partial.setLength(0);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
		byte[] bytes = new byte[data.remaining()];
		data.get(bytes);
		this.binary.add(bytes);
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closed = true;
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.closed = true;
	}

	/**
	 * Whether the connection is gone. The JDK client does not always report a peer that
	 * left without a close frame (about 3 % of drops here), so, as a real client's
	 * heartbeat does, a ping finds out: writing to a dropped connection fails.
	 */
	boolean isClosed() {
		if (!this.closed) {
			try {
				this.socket.sendPing(ByteBuffer.allocate(0)).get(1, TimeUnit.SECONDS);
			}
			catch (ExecutionException | TimeoutException ex) {
				this.closed = true;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return this.closed;
	}

	void sendText(String text) {
		this.socket.sendText(text, true).join();
	}

	/** The first message, the connect-time {@code status}. */
	JsonNode first() {
		return this.messages.get(0);
	}

	/** Waits for the final {@code executing {node: null}} of a prompt. */
	void awaitDone(String promptId) {
		await().atMost(Duration.ofSeconds(30)).until(() -> this.messages.stream().anyMatch((m) -> isDone(m, promptId)));
	}

	static boolean isDone(JsonNode m, String promptId) {
		return "executing".equals(m.path("type").asString()) && m.path("data").path("node").isNull()
				&& promptId.equals(m.path("data").path("prompt_id").asString());
	}

	/**
	 * Messages about one prompt, plus the status messages between its first and last, in
	 * order.
	 */
	List<JsonNode> forPrompt(String promptId) {
		return this.messages.stream()
			.filter((m) -> promptId.equals(m.path("data").path("prompt_id").asString(""))
					|| "status".equals(m.path("type").asString()))
			.toList();
	}

	/** The types of a message list, e.g. ["status", "execution_start", ...]. */
	static List<String> types(List<JsonNode> messages) {
		return messages.stream().map((m) -> m.path("type").asString()).toList();
	}

	@Override
	public void close() {
		if (!this.closed) {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
			await().atMost(Duration.ofSeconds(5)).until(() -> this.closed);
		}
	}

}
