package io.vstage.staging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * A real HTTP client for the running backend, answering status and JSON whatever the
 * status.
 */
public final class StagingApi {

	private final RestClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	public StagingApi(int port) {
		this.http = RestClient.builder()
			// the JDK's client: Apache's (on the classpath for webhooks) would retry a
			// 503 by itself
			.requestFactory(new JdkClientHttpRequestFactory())
			.baseUrl("http://127.0.0.1:" + port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	public Reply submit(String token, Map<String, ?> fields, byte[]... images) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		fields.forEach((name, value) -> form.add(name, String.valueOf(value)));
		for (int i = 0; i < images.length; i++) {
			form.add("image", filePart("room-" + i + ".jpg", images[i]));
		}
		return post("/api/v1/staging/jobs", token, form);
	}

	/**
	 * Posts a generation form with a token that carries the reservation the gateway would
	 * have made for it: {@code num_images} × the photos in {@code image} or {@code file}.
	 */
	public Reply post(String path, String token, MultiValueMap<String, Object> form) {
		ResponseEntity<String> response = this.http.post()
			.uri(path)
			.headers((headers) -> auth(headers, TestTokens.fresh(token, units(form))))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(form)
			.retrieve()
			.toEntity(String.class);
		return reply(response);
	}

	public Reply get(String path, String token) {
		return reply(
				this.http.get().uri(path).headers((headers) -> auth(headers, token)).retrieve().toEntity(String.class));
	}

	public Reply delete(String path, String token) {
		return reply(this.http.delete()
			.uri(path)
			.headers((headers) -> auth(headers, token))
			.retrieve()
			.toEntity(String.class));
	}

	public ResponseEntity<byte[]> download(String pathAndQuery) {
		return this.http.get().uri(pathAndQuery).retrieve().toEntity(byte[].class);
	}

	public static HttpEntity<ByteArrayResource> filePart(String name, byte[] bytes) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.IMAGE_JPEG);
		return new HttpEntity<>(new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return name;
			}
		}, headers);
	}

	public static Map<String, Object> fields(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	private static void auth(HttpHeaders headers, String token) {
		if (token != null) {
			headers.setBearerAuth(TestTokens.fresh(token, 0));
		}
	}

	private static int units(MultiValueMap<String, Object> form) {
		int photos = form.getOrDefault("image", List.of()).size() + form.getOrDefault("file", List.of()).size();
		Object numImages = form.getFirst("num_images");
		try {
			int perPhoto = (numImages != null) ? Integer.parseInt(numImages.toString().strip()) : 1;
			return Math.max(1, photos) * Math.max(1, perPhoto);
		}
		catch (NumberFormatException ex) {
			return Math.max(1, photos);
		}
	}

	private Reply reply(ResponseEntity<String> response) {
		String body = response.getBody();
		JsonNode node = (body == null || body.isBlank()) ? this.json.createObjectNode() : this.json.readTree(body);
		return new Reply(response.getStatusCode().value(), node, response.getHeaders());
	}

	/** Status, JSON body and headers of one answer. */
	public record Reply(int status, JsonNode body, HttpHeaders headers) {

		public String problemType() {
			return this.body.path("type").asString("");
		}

	}

}
