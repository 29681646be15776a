package io.vstage.staging.engine;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link EngineClient} over {@code java.net.http}, tolerant of ComfyUI's quirks: empty
 * bodies, plain-text 500s, a string {@code error}, and NaN in JSON.
 */
class HttpEngineClient implements EngineClient {

	private final URI base;

	private final HttpClient http;

	private final JsonMapper json;

	private final Duration timeout;

	HttpEngineClient(URI base, HttpClient http, JsonMapper json, Duration timeout) {
		this.base = base;
		this.http = http;
		this.json = json;
		this.timeout = timeout;
	}

	@Override
	public String uploadImage(String fileName, Path file) {
		String boundary = "vstage-" + UUID.randomUUID();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"overwrite\"\r\n\r\ntrue\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
		String tail = "\r\n--" + boundary + "--\r\n";
		try {
			HttpRequest.BodyPublisher body = BodyPublishers.concat(BodyPublishers.ofString(head),
					BodyPublishers.ofFile(file), BodyPublishers.ofString(tail));
			HttpRequest request = request("/upload/image")
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(body)
				.build();
			JsonNode reply = expectJson(send(request), "upload");
			String name = reply.path("name").asString("");
			String subfolder = reply.path("subfolder").asString("");
			return subfolder.isEmpty() ? name : subfolder + "/" + name;
		}
		catch (IOException ex) {
			throw new EngineUnavailableException("cannot read upload " + file.getFileName(), ex);
		}
	}

	@Override
	public void queuePrompt(String promptId, String clientId, ObjectNode workflow) {
		ObjectNode body = this.json.createObjectNode();
		body.set("prompt", workflow);
		body.put("client_id", clientId);
		body.put("prompt_id", promptId);
		HttpResponse<String> response = send(postJson("/prompt", body));
		if (response.statusCode() == 400) {
			throw new PromptRejectedException(PromptErrors.describe(parseLenient(response.body())));
		}
		JsonNode reply = expectJson(response, "prompt");
		JsonNode nodeErrors = reply.path("node_errors");
		if (nodeErrors.isObject() && !nodeErrors.isEmpty()) {
			// queued with some outputs skipped: our output may be among them, so treat it
			// as refused
			deletePending(promptId);
			throw new PromptRejectedException(PromptErrors.describe(reply));
		}
	}

	@Override
	public Optional<HistoryEntry> history(String promptId, Set<String> outputNodes) {
		JsonNode reply = expectJson(send(request("/history/" + promptId).GET().build()), "history");
		JsonNode entry = reply.path(promptId);
		return entry.isObject() ? Optional.of(HistoryParser.parse(entry, outputNodes)) : Optional.empty();
	}

	@Override
	public QueueSnapshot queue() {
		JsonNode reply = expectJson(send(request("/queue").GET().build()), "queue");
		return new QueueSnapshot(promptIds(reply.path("queue_running")), promptIds(reply.path("queue_pending")));
	}

	@Override
	public void interrupt(String promptId) {
		expectOk(send(postJson("/interrupt", this.json.createObjectNode().put("prompt_id", promptId))), "interrupt");
	}

	@Override
	public void deletePending(String promptId) {
		ObjectNode body = this.json.createObjectNode();
		body.putArray("delete").add(promptId);
		expectOk(send(postJson("/queue", body)), "queue delete");
	}

	@Override
	public void download(ImageRef image, Path target) {
		String query = "filename=" + encode(image.filename()) + "&subfolder=" + encode(image.subfolder()) + "&type="
				+ encode(image.type());
		try {
			HttpResponse<Path> response = this.http.send(request("/view?" + query).GET().build(),
					BodyHandlers.ofFile(target));
			if (response.statusCode() != 200) {
				throw new EngineUnavailableException("view " + image.filename() + " answered " + response.statusCode());
			}
		}
		catch (IOException ex) {
			throw new EngineUnavailableException(this.base + " unreachable: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EngineUnavailableException("interrupted", ex);
		}
	}

	@Override
	public Set<String> nodeClasses() {
		JsonNode reply = expectJson(send(request("/object_info").GET().build()), "object_info");
		return new HashSet<>(reply.propertyNames());
	}

	@Override
	public List<String> models(String folder) {
		HttpResponse<String> response = send(request("/models/" + encode(folder)).GET().build());
		if (response.statusCode() == 404) {
			return List.of();
		}
		JsonNode reply = expectJson(response, "models");
		return reply.valueStream().map((node) -> node.asString().replace('\\', '/')).toList();
	}

	@Override
	public JsonNode systemStats() {
		return expectJson(send(request("/system_stats").GET().build()), "system_stats");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(this.base.resolve(path)).timeout(this.timeout);
	}

	private HttpRequest postJson(String path, JsonNode body) {
		return request(path).header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(this.json.writeValueAsString(body)))
			.build();
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new EngineUnavailableException(this.base + " unreachable: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EngineUnavailableException("interrupted", ex);
		}
	}

	private JsonNode expectJson(HttpResponse<String> response, String what) {
		expectOk(response, what);
		return parseLenient(response.body());
	}

	private void expectOk(HttpResponse<String> response, String what) {
		if (response.statusCode() != 200) {
			// ComfyUI answers 500 as plain text and some errors with an empty body
			String body = response.body().strip();
			throw new EngineUnavailableException(what + " on " + this.base + " answered " + response.statusCode()
					+ (body.isEmpty() ? "" : ": " + body.lines().findFirst().orElse("")));
		}
	}

	private JsonNode parseLenient(String body) {
		if (body.isBlank()) {
			return this.json.createObjectNode();
		}
		try {
			return this.json.readTree(body);
		}
		catch (RuntimeException ex) {
			return this.json.createObjectNode().put("error", body.strip());
		}
	}

	private static Set<String> promptIds(JsonNode items) {
		Set<String> ids = new HashSet<>();
		items.forEach((item) -> ids.add(item.path(1).asString("")));
		return ids;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
