package io.vstage.simulator.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: a plain HTTP response or a WebSocket upgrade. */
public sealed interface Reply permits Reply.Http, Reply.Upgrade {

	/**
	 * A complete HTTP response.
	 *
	 * @param status the status code
	 * @param headers response headers (Content-Length is added by the server)
	 * @param body the body bytes
	 * @param close whether to close the connection after the reply
	 */
	record Http(int status, Map<String, String> headers, byte[] body, boolean close) implements Reply {

		/** Adds a header, returning this reply. */
		public Http with(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

	}

	/**
	 * Accept a WebSocket upgrade and hand the connection to a listener.
	 *
	 * @param listener receives the session and its messages
	 */
	record Upgrade(WebSocketListener listener) implements Reply {
	}

	/** aiohttp's bare {@code web.Response(status=n)}: empty body, octet-stream. */
	static Http empty(int status) {
		return bytes(status, "application/octet-stream", new byte[0]);
	}

	/** A text/plain reply, as aiohttp writes its own errors. */
	static Http text(int status, String text) {
		return bytes(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
	}

	/** A reply with the given content type. */
	static Http bytes(int status, String contentType, byte[] body) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", contentType);
		return new Http(status, headers, body, false);
	}

	/** A JSON reply with ComfyUI's content type. */
	static Http json(int status, String json) {
		return bytes(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
	}

	/** aiohttp's reply to an unhandled exception in a handler. */
	static Http serverError() {
		Http reply = text(500, "500 Internal Server Error\n\nServer got itself in trouble");
		return new Http(500, reply.headers(), reply.body(), true).with("Connection", "close");
	}

}
