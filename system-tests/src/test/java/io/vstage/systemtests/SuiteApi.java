package io.vstage.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public REST API through the gateway, for setting up what a browser test needs. */
final class SuiteApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final Duration requestTimeout;

	SuiteApi(String baseUrl) {
		this(baseUrl, null);
	}

	/**
	 * An API whose requests fail with an {@link UncheckedIOException} (cause
	 * {@link java.net.http.HttpTimeoutException}) when unanswered after requestTimeout:
	 * for tests that must show that nothing hangs.
	 */
	SuiteApi(String baseUrl, Duration requestTimeout) {
		this.baseUrl = baseUrl;
		this.requestTimeout = requestTimeout;
	}

	String baseUrl() {
		return this.baseUrl;
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path));
		return (this.requestTimeout != null) ? request.timeout(this.requestTimeout) : request;
	}

	/**
	 * A plain-text GET, such as a Prometheus scrape (from this machine, a private
	 * address).
	 */
	String text(String path) {
		try {
			return HttpClient.newHttpClient()
				.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString())
				.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A key issued by issuer: its id and its secret. */
	record IssuedKey(String id, String secret) {
	}

	record Answer(int status, JsonNode body) {

		/**
		 * The slug of a problem's type ({@code https://vstage.io/problems/<slug>}), or
		 * null.
		 */
		String problem() {
			JsonNode type = this.body.get("type");
			if (type == null || !type.isString()) {
				return null;
			}
			String text = type.asString();
			return text.substring(text.lastIndexOf('/') + 1);
		}

	}

	IssuedKey createKey(String issuerKey, String name, String role, int dailyQuota) {
		return createKey(issuerKey, name, role, dailyQuota, 600);
	}

	IssuedKey createKey(String issuerKey, String name, String role, int dailyQuota, int ratePerMinute) {
		Answer answer = json("POST", "/api/v1/keys", issuerKey,
				Map.of("name", name, "owner_email",
						"owner+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", "role", role,
						"daily_quota", dailyQuota, "rate_limit_per_minute", ratePerMinute));
		if (answer.status() != 201) {
			throw new IllegalStateException("creating key " + name + " answered " + answer);
		}
		return new IssuedKey(answer.body().get("id").asString(), answer.body().get("api_key").asString());
	}

	Answer json(String method, String path, String key, Object body) {
		try {
			HttpRequest.BodyPublisher publisher = (body != null)
					? HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))
					: HttpRequest.BodyPublishers.noBody();
			HttpRequest request = request(path).header("X-API-Key", key)
				.header("Content-Type", "application/json")
				.method(method, publisher)
				.build();
			return answer(this.http.send(request, HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** GET without any key, e.g. {@code /actuator/health}. */
	Answer get(String path) {
		try {
			return answer(this.http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** POST /api/v1/staging/jobs with one photo, as a REST client would. */
	Answer submitJob(String key, Path photo, int numImages) {
		return submitJob(key, photo, numImages, null);
	}

	/**
	 * The same with a seed: image i of the job then runs with seed + i × 1000003, which
	 * tells its prompt apart on the engine.
	 */
	Answer submitJob(String key, Path photo, int numImages, Long seed) {
		String boundary = "----vstage" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try {
			field(body, boundary, "room_type", "living_room");
			field(body, boundary, "style", "modern");
			field(body, boundary, "num_images", String.valueOf(numImages));
			if (seed != null) {
				field(body, boundary, "seed", String.valueOf(seed));
			}
			body.write(
					("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"room.jpg\"\r\n"
							+ "Content-Type: image/jpeg\r\n\r\n")
						.getBytes(StandardCharsets.UTF_8));
			body.write(Files.readAllBytes(photo));
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			HttpRequest request = request("/api/v1/staging/jobs").header("X-API-Key", key)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build();
			return answer(this.http.send(request, HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** GET of a URL of the suite without any key (signed links). */
	HttpResponse<byte[]> download(String pathOrUrl) {
		String url = pathOrUrl.startsWith("http") ? pathOrUrl : this.baseUrl + pathOrUrl;
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void field(ByteArrayOutputStream body, String boundary, String name, String value)
			throws IOException {
		body.write(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
	}

	private static Answer answer(HttpResponse<String> response) {
		String text = response.body();
		JsonNode body = (text == null || text.isBlank()) ? JSON.createObjectNode() : JSON.readTree(text);
		return new Answer(response.statusCode(), body);
	}

}
