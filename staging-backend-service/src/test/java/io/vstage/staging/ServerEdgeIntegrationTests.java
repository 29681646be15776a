package io.vstage.staging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the server answers before the API: Tomcat's own refusals as problem documents, and
 * health that tells the public only up or down.
 */
class ServerEdgeIntegrationTests extends IntegrationTestSupport {

	private static final String USER = TestTokens.user("edge-user");

	private final JsonMapper json = JsonMapper.builder().build();

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/staging/jobs/%00", "/api/v1/staging/jobs/a%00b/events",
			"/api/v1/staging/files/a%2fb/image-0.png", "/api/v1/staging/jobs/%2F..%2Fx", "/api/v1/staging/jobs/%5c",
			"/api/v1/staging/jobs/%zz", "/%" })
	void pathsTomcatRefusesAnswerAProblem(String path) throws IOException {
		RawReply reply = rawGet(path, null);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
		assertThat(reply.header("content-type")).as(reply.toString()).startsWith("application/problem+json");
		assertThat(reply.body()).doesNotContainIgnoringCase("tomcat")
			.doesNotContain("<html", "Exception", "\tat ", "Apache");
		JsonNode problem = this.json.readTree(reply.body());
		assertThat(problem.path("type").asString()).isEqualTo("https://vstage.io/problems/bad-request");
		assertThat(problem.path("status").asInt()).isEqualTo(400);
	}

	@Test
	void theApisOwnProblemsAreLeftAsTheyAre() throws IOException {
		RawReply reply = rawGet("/api/v1/staging/jobs/00000000-0000-0000-0000-000000000000", USER);
		assertThat(reply.status()).isEqualTo(404);
		assertThat(this.json.readTree(reply.body()).path("type").asString())
			.isEqualTo("https://vstage.io/problems/job-not-found");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" })
	void publicHealthSaysOnlyUpOrDown(String path) throws IOException {
		RawReply reply = rawGet(path, null);
		assertThat(reply.status()).as(reply.toString()).isIn(200, 503);
		JsonNode health = this.json.readTree(reply.body());
		// not even the group names Spring Boot lists to anyone (service-contracts'
		// PublicHealthFilter)
		assertThat(health.propertyNames()).as(reply.body()).containsExactly("status");
		assertThat(reply.body()).doesNotContain("components", "details", "diskSpace", "engines");
		assertThat(health.path("status").asString()).isIn("UP", "DOWN", "OUT_OF_SERVICE");
	}

	@Test
	void healthDetailsNeedTheInternalTokenOfAServiceOrTheSuperAdmin() throws IOException {
		assertThat(rawGet("/actuator/health", USER).body()).as("a user's token")
			.contains("\"status\"")
			.doesNotContain("components", "groups", "diskSpace");
		String service = TestTokens.token("service:operations", "service", null, "staging-backend", TestTokens.SECRET,
				60);
		RawReply reply = rawGet("/actuator/health", service);
		assertThat(reply.status()).as(reply.toString()).isIn(200, 503);
		JsonNode components = this.json.readTree(reply.body()).path("components");
		assertThat(components.has("diskSpace")).as(reply.body()).isTrue();
		assertThat(rawGet("/actuator/health", null).body()).doesNotContain("diskSpace", "free", "path");
	}

	@Test
	void infoNeedsTheInternalToken() throws IOException {
		RawReply anonymous = rawGet("/actuator/info", null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("content-type")).startsWith("application/problem+json");
		assertThat(rawGet("/actuator/info", USER).status()).isEqualTo(200);
	}

	/**
	 * A GET written by hand: HTTP clients refuse (or normalise) the paths under test.
	 */
	private RawReply rawGet(String path, String token) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\n"
					+ ((token != null) ? "Authorization: Bearer " + TestTokens.fresh(token, 0) + "\r\n" : "")
					+ "Accept: application/json\r\nConnection: close\r\n\r\n";
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int end = response.indexOf("\r\n\r\n");
			String head = response.substring(0, end);
			String body = response.substring(end + 4);
			if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
				body = unchunk(body);
			}
			return new RawReply(head, body);
		}
	}

	private static String unchunk(String chunked) {
		StringBuilder body = new StringBuilder();
		int at = 0;
		while (true) {
			int lineEnd = chunked.indexOf("\r\n", at);
			int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
			if (size == 0) {
				return body.toString();
			}
			body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
			at = lineEnd + 2 + size + 2;
		}
	}

	private record RawReply(String head, String body) {

		int status() {
			return Integer.parseInt(this.head.split(" ")[1]);
		}

		String header(String name) {
			for (String line : this.head.split("\r\n")) {
				int colon = line.indexOf(':');
				if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
					return line.substring(colon + 1).trim();
				}
			}
			return "";
		}

	}

}
