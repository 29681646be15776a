package io.vstage.keys;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real-HTTP client for the service under test. */
final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	Api(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	Reply get(String path, String token) {
		return send("GET", path, token, null);
	}

	Reply post(String path, String token, String body) {
		return send("POST", path, token, body);
	}

	Reply send(String method, String path, String token, String body) {
		try {
			return Reply.of(this.http.send(request(method, path, token, body), HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	CompletableFuture<Reply> sendAsync(String method, String path, String token, String body) {
		return this.http.sendAsync(request(method, path, token, body), HttpResponse.BodyHandlers.ofString())
			.thenApply(Reply::of);
	}

	private HttpRequest request(String method, String path, String token, String body) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json");
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.build();
	}

	static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	record Reply(int status, String contentType, String body, JsonNode json) {

		static Reply of(HttpResponse<String> response) {
			String body = response.body();
			String contentType = response.headers().firstValue("Content-Type").orElse("");
			boolean isJson = contentType.contains("json") && body != null && !body.isBlank();
			return new Reply(response.statusCode(), contentType, body, isJson ? JSON.readTree(body) : JSON.nullNode());
		}

		String text(String field) {
			return this.json.path(field).asString();
		}

	}

}
