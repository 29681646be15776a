package io.vstage.staging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The key manager's refund contract (CONTRACTS.md) on a real port: records every call,
 * can refuse the first ones, and refunds each reservation only once, as the real one
 * does.
 */
public final class KeyManagerStub {

	private final HttpServer server;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private final List<String> refunded = new CopyOnWriteArrayList<>();

	KeyManagerStub() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/internal/v1/quota/reservations/", this::refund);
		this.server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** The next {@code count} calls answer 503. */
	public void failNext(int count) {
		this.failuresLeft.set(count);
	}

	public List<Call> calls() {
		return List.copyOf(this.calls);
	}

	public List<Call> callsFor(String reservationId) {
		return this.calls.stream().filter((call) -> call.reservationId().equals(reservationId)).toList();
	}

	/** Reservations actually refunded (first successful call of each). */
	public List<String> refunded() {
		return List.copyOf(this.refunded);
	}

	private void refund(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String reservationId = path.replaceAll(".*/reservations/([^/]+)/refund$", "$1");
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
		boolean fail = this.failuresLeft.getAndUpdate((n) -> Math.max(0, n - 1)) > 0;
		this.calls.add(new Call(reservationId, body, auth, fail ? 503 : 200));
		if (fail) {
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
			return;
		}
		if (!this.refunded.contains(reservationId)) {
			this.refunded.add(reservationId);
		}
		byte[] reply = ("{\"reservation_id\":\"" + reservationId + "\",\"state\":\"refunded\"}")
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, reply.length);
		exchange.getResponseBody().write(reply);
		exchange.close();
	}

	/** One refund call as received. */
	public record Call(String reservationId, String body, String authorization, int answeredStatus) {
	}

}
