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

	SuiteApi(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** A key issued by issuer: its id and its secret. */
	record IssuedKey(String id, String secret) {
	}

	record Answer(int status, JsonNode body) {
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
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
				.header("X-API-Key", key)
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

	/** POST /api/v1/staging/jobs with one photo, as a REST client would. */
	Answer submitJob(String key, Path photo, int numImages) {
		String boundary = "----vstage" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try {
			field(body, boundary, "room_type", "living_room");
			field(body, boundary, "style", "modern");
			field(body, boundary, "num_images", String.valueOf(numImages));
			body.write(
					("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"room.jpg\"\r\n"
							+ "Content-Type: image/jpeg\r\n\r\n")
						.getBytes(StandardCharsets.UTF_8));
			body.write(Files.readAllBytes(photo));
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/v1/staging/jobs"))
				.header("X-API-Key", key)
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
