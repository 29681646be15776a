package io.vstage.gateway;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small real HTTP server in place of the staging backend, for proxying behaviours: it
 * echoes the headers it received, digests uploads as they stream in, answers slowly on
 * request, and can be stopped and started again on the same port.
 */
public final class StagingBackendStub implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;

	private DisposableServer server;

	public StagingBackendStub() {
		try {
			this.port = KeyManagerProcess.freePort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		start();
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	public void start() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(this.port)
			.route((routes) -> routes
				.get("/api/v1/staging/slow",
						(request, response) -> Mono.delay(Duration.ofSeconds(15))
							.then(response.sendString(Mono.just("late")).then()))
				.post("/api/v1/staging/jobs", this::digestUpload)
				.post("/api/virtual-staging/generate", this::digestUpload)
				.route((request) -> true, this::echo))
			.bindNow();
	}

	public void stop() {
		this.server.disposeNow();
	}

	@Override
	public void close() {
		stop();
	}

	private Mono<Void> echo(HttpServerRequest request, HttpServerResponse response) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("method", request.method().name());
		body.put("uri", request.uri());
		Map<String, String> headers = new LinkedHashMap<>();
		request.requestHeaders()
			.forEach((entry) -> headers.merge(entry.getKey().toLowerCase(), entry.getValue(), (a, b) -> a + "," + b));
		body.put("headers", headers);
		return json(response, HttpResponseStatus.OK, body);
	}

	private Mono<Void> digestUpload(HttpServerRequest request, HttpServerResponse response) {
		MessageDigest digest = sha256();
		AtomicLong bytes = new AtomicLong();
		AtomicInteger chunks = new AtomicInteger();
		boolean fail = "422".equals(request.requestHeaders().get("X-Test-Answer"));
		return request.receive().doOnNext((buffer) -> {
			byte[] chunk = new byte[buffer.readableBytes()];
			buffer.readBytes(chunk);
			digest.update(chunk);
			bytes.addAndGet(chunk.length);
			chunks.incrementAndGet();
		}).then(Mono.defer(() -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("bytes", bytes.get());
			body.put("chunks", chunks.get());
			body.put("sha256", HexFormat.of().formatHex(digest.digest()));
			body.put("authorization", request.requestHeaders().get("Authorization"));
			body.put("content_length", request.requestHeaders().get("Content-Length"));
			return json(response, fail ? HttpResponseStatus.UNPROCESSABLE_ENTITY : HttpResponseStatus.ACCEPTED, body);
		}));
	}

	private static Mono<Void> json(HttpServerResponse response, HttpResponseStatus status, Object body) {
		return response.status(status)
			.header("Content-Type", "application/json")
			.header("X-Content-Type-Options", "upstream-value")
			// no pooled connection outlives a stop, so that a stopped backend is really
			// unreachable
			.header("Connection", "close")
			.sendByteArray(Mono.just(JSON.writeValueAsBytes(body)))
			.then();
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
