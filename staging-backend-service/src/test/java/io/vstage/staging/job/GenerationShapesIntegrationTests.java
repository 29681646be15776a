package io.vstage.staging.job;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.vstage.staging.IntegrationTestSupport;
import io.vstage.staging.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backend reads a generation request the suite's one way and renders exactly the
 * units the gateway reserved, whatever the shape of the request: nothing ambiguous is
 * made.
 */
class GenerationShapesIntegrationTests extends IntegrationTestSupport {

	private static final String BOUNDARY = "shape-boundary";

	private final JsonMapper json = JsonMapper.builder().build();

	@ParameterizedTest
	@ValueSource(strings = { "num_images=10", "num%5Fimages=10", "NUM_IMAGES=2", "style=modern", "image=x" })
	void generationParametersInTheQueryStringAreAmbiguousAndMakeNothing(String query) throws Exception {
		String owner = "query-" + UUID.randomUUID();
		Answer answer = post("/api/v1/staging/jobs?" + query, token(owner, 1),
				body(field("room_type", "bedroom"), field("style", "modern"), photo("image")));
		answer.assertProblem(400, "ambiguous-request");
		assertThat(jobsOf(owner)).isZero();
	}

	@Test
	void numImagesGivenTwiceIsAmbiguousInEitherOrder() throws Exception {
		String owner = "twice-" + UUID.randomUUID();
		post("/api/v1/staging/jobs", token(owner, 1), body(field("num_images", "10"), field("num_images", "1"),
				field("room_type", "bedroom"), field("style", "modern"), photo("image")))
			.assertProblem(400, "ambiguous-request");
		post("/api/v1/staging/jobs", token(owner, 10), body(field("num_images", "1"), field("num_images", "10"),
				field("room_type", "bedroom"), field("style", "modern"), photo("image")))
			.assertProblem(400, "ambiguous-request");
		assertThat(jobsOf(owner)).isZero();
	}

	@Test
	void anExtendedPartNameIsAmbiguousNotAServerError() throws Exception {
		String owner = "extended-" + UUID.randomUUID();
		String part = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name*=UTF-8''image; filename=\"r.jpg\""
				+ "\r\nContent-Type: image/jpeg\r\n\r\n";
		post("/api/v1/staging/jobs", token(owner, 1),
				body(field("room_type", "bedroom"), field("style", "modern"),
						concat(part.getBytes(StandardCharsets.ISO_8859_1), TestImages.jpeg(32, 32), "\r\n".getBytes())))
			.assertProblem(400, "ambiguous-request");
		assertThat(jobsOf(owner)).isZero();
	}

	@Test
	void unitsThatDifferFromTheReservationAreRefusedAndMakeNothing() throws Exception {
		String owner = "mismatch-" + UUID.randomUUID();
		post("/api/v1/staging/jobs", token(owner, 1),
				body(field("num_images", "3"), field("room_type", "bedroom"), field("style", "modern"), photo("image")))
			.assertProblem(400, "ambiguous-request");
		post("/api/v1/staging/jobs", token(owner, 2), body(field("room_type", "bedroom"), field("style", "modern"),
				photo("image"), photo("image"), photo("image")))
			.assertProblem(400, "ambiguous-request");
		assertThat(jobsOf(owner)).isZero();
	}

	@Test
	void aBatchThatMatchesItsReservationIsAccepted() throws Exception {
		String owner = "batch-" + UUID.randomUUID();
		Answer answer = post("/api/v1/staging/jobs", token(owner, 4), body(field("num_images", "2"),
				field("room_type", "bedroom"), field("style", "modern"), photo("image"), photo("image")));
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
		assertThat(answer.body().path("images").size()).isEqualTo(4);
	}

	@Test
	void aGenerationRequestWithoutAReservationIsForbidden() throws Exception {
		String owner = "unreserved-" + UUID.randomUUID();
		String withoutReservation = TestTokens.token(owner, "user", null, "staging-backend", TestTokens.SECRET, 59);
		post("/api/v1/staging/jobs", withoutReservation,
				body(field("room_type", "bedroom"), field("style", "modern"), photo("image")))
			.assertProblem(403, "forbidden");
		assertThat(jobsOf(owner)).isZero();
	}

	@Test
	void theLegacyEndpointTakesOnePhotoOnly() throws Exception {
		String owner = "legacy-" + UUID.randomUUID();
		post("/api/virtual-staging/generate", token(owner, 2), body(photo("file"), photo("file"))).assertProblem(400,
				"ambiguous-request");
		post("/api/virtual-staging/generate?num_images=2", token(owner, 2), body(photo("file"))).assertProblem(400,
				"ambiguous-request");
		assertThat(jobsOf(owner)).isZero();
	}

	@Test
	void tokensBeyondTheContractAreUnauthenticated() throws Exception {
		String yearLong = TestTokens.token("k", "user", null, "staging-backend", TestTokens.SECRET, 365 * 24 * 3600);
		String listAudience = TestTokens.withClaims(TestTokens.user("k"),
				Map.of("aud", java.util.List.of("staging-backend", "key-manager")));
		String futureIat = TestTokens.withClaims(TestTokens.user("k"),
				Map.of("iat", new java.util.Date(System.currentTimeMillis() + 600_000)));
		for (String token : new String[] { yearLong, listAudience, futureIat }) {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/staging/jobs"))
					.header("Authorization", "Bearer " + token)
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.body()).contains("problems/unauthenticated");
		}
	}

	private int jobsOf(String owner) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/staging/jobs"))
				.header("Authorization", "Bearer " + TestTokens.fresh(TestTokens.user(owner), 0))
				.build(), HttpResponse.BodyHandlers.ofString());
		return this.json.readTree(response.body()).path("total").asInt(-1);
	}

	private static String token(String owner, int units) {
		return TestTokens.fresh(TestTokens.user(owner), units);
	}

	private Answer post(String pathAndQuery, String token, byte[] body) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + pathAndQuery))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), this.json.readTree(response.body()));
	}

	private static byte[] field(String name, String value) {
		return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] photo(String name) {
		byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name
				+ "\"; filename=\"room.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		return concat(head, TestImages.jpeg(32, 32), "\r\n".getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] body(byte[]... parts) {
		return concat(concat(parts), ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private record Answer(int status, JsonNode body) {

		void assertProblem(int expectedStatus, String slug) {
			assertThat(this.status).as(this.body.toString()).isEqualTo(expectedStatus);
			assertThat(this.body.path("type").asString()).isEqualTo("https://vstage.io/problems/" + slug);
			assertThat(this.body.toString()).doesNotContain("Exception").doesNotContain("\"trace\"");
		}

	}

}
