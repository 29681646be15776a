package io.vstage.systemtests;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests an attacker would try, through the gateway: header tricks (two keys, a key in
 * the query string, role headers, smuggling framings, huge headers), encodings and
 * lookalike names, control characters and oversized values, out-of-range paging and
 * dates, path tricks, and tampered signed links. Each is a client's mistake: a
 * {@code 4xx} {@code application/problem+json} answer with a stable type (never a 500,
 * never HTML), and nothing charged, made or leaked. The services' public health says only
 * UP or DOWN.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestShapesTests {

	private static final String JOBS = GenerationRequestShapesTests.JOBS;

	@RegisterExtension
	static final SharedSuite shared = new SharedSuite(SharedSuite.TRUST);

	private Suite suite;

	/** Signed links of a job of another key: an image, its input. */
	private String imageLink;

	private String secondImageLink;

	private String inputLink;

	/** What a case may use: fresh user and admin keys, a marker prompt, signed links. */
	record Context(FreshKey user, FreshKey admin, String superAdmin, String marker, String imageLink,
			String secondImageLink, String inputLink) {
	}

	/**
	 * A hostile request and its refusal: a status (any 4xx when 0) and slug (any when
	 * null).
	 */
	/**
	 * A hostile request and what refuses it; {@code framing}: the HTTP server itself
	 * refuses the message's framing before any code of the suite runs, with a bare status
	 * and the connection closed (Reactor Netty writes no body there).
	 */
	record Hostile(String name, Function<Context, RawHttp> request, int status, String slug, boolean framing) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	@BeforeAll
	void stageAJobOfAnotherKey() {
		this.suite = shared.suite();
		FreshKey owner = FreshKey.issue(this.suite, "user", 10);
		JsonNode job = EndToEndJobs.stageAndAwait(this.suite.api(), owner.secret(),
				Photos.emptyRoom("trust-hostile", Color.CYAN), 2);
		assertThat(job.get("status").asString()).isEqualTo("completed");
		this.imageLink = job.get("images").get(0).get("url").asString();
		this.secondImageLink = job.get("images").get(1).get("url").asString();
		this.inputLink = job.get("input_urls").get(0).asString();
	}

	static Hostile hostile(String name, Function<Context, RawHttp> request) {
		return new Hostile(name, request, 0, null, false);
	}

	static Hostile hostile(String name, Function<Context, RawHttp> request, int status, String slug) {
		return new Hostile(name, request, status, slug, false);
	}

	static Hostile framing(String name, Function<Context, RawHttp> request, int status) {
		return new Hostile(name, request, status, null, true);
	}

	static RawHttp generation(Context c, Multipart body) {
		return RawHttp.request("POST", JOBS).body(body).key(c.user().secret());
	}

	static RawHttp get(String target, String key) {
		return RawHttp.request("GET", target).key(key);
	}

	static List<Hostile> hostileRequests() {
		List<Hostile> all = new ArrayList<>();
		// keys and roles in headers
		all.add(hostile("two X-API-Key headers, valid first",
				(c) -> RawHttp.request("POST", JOBS)
					.body(GenerationRequestShapesTests.stagingFields(c.marker()))
					.key(c.user().secret())
					.key("vsk_" + "x".repeat(40))));
		all.add(hostile("two X-API-Key headers, valid last",
				(c) -> RawHttp.request("POST", JOBS)
					.body(GenerationRequestShapesTests.stagingFields(c.marker()))
					.key("vsk_" + "x".repeat(40))
					.key(c.user().secret())));
		all.add(hostile("X-API-Key of a user and Bearer of the super admin",
				(c) -> get("/api/v1/keys", c.user().secret()).header("Authorization", "Bearer " + c.superAdmin())));
		all.add(hostile("the key in the query string only",
				(c) -> RawHttp.request("POST", JOBS + "?api_key=" + c.user().secret())
					.body(GenerationRequestShapesTests.stagingFields(c.marker())),
				401, null));
		all.add(hostile("the key as X-API-Key query parameter",
				(c) -> RawHttp.request("GET", "/api/v1/me?X-API-Key=" + c.user().secret()), 401, null));
		all.add(hostile("X-User-Role: superadmin on the keys list",
				(c) -> get("/api/v1/keys", c.user().secret()).header("X-User-Role", "superadmin")
					.header("X-Role", "superadmin"),
				403, "forbidden"));
		all.add(hostile("X-User-Role: superadmin on the audit log",
				(c) -> get("/api/v1/audit", c.admin().secret()).header("X-User-Role", "superadmin"), 403, "forbidden"));
		all.add(hostile("an internal-looking Bearer token without a key",
				(c) -> RawHttp.request("GET", "/api/v1/keys")
					.header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJyb2xlIjoic3VwZXJhZG1pbiJ9.")
					.header("X-User-Role", "superadmin"),
				401, null));
		all.add(hostile("an API key of 4 000 characters",
				(c) -> RawHttp.request("GET", "/api/v1/me").key("vsk_" + "A".repeat(4_000)), 401, null));
		all.add(hostile("an API key with a Cyrillic lookalike",
				(c) -> RawHttp.request("GET", "/api/v1/me").key(c.user().secret().replace('a', '\u0430') + "\u0430"),
				401, null));
		// framing tricks
		all.add(framing("Transfer-Encoding: chunked and Content-Length", (c) -> {
			byte[] body = GenerationRequestShapesTests.stagingFields(c.marker()).bytes();
			return RawHttp.request("POST", JOBS)
				.key(c.user().secret())
				.header("Content-Type", "multipart/form-data; boundary=x")
				.header("Transfer-Encoding", "chunked")
				.header("Content-Length", "5")
				.withoutContentLength()
				.body(null, ("5\r\n--x--\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		}, 400));
		all.add(hostile("Transfer-Encoding: chunked given twice",
				(c) -> RawHttp.request("POST", JOBS)
					.key(c.user().secret())
					.header("Content-Type", "multipart/form-data; boundary=x")
					.header("Transfer-Encoding", "chunked")
					.header("Transfer-Encoding", "identity")
					.withoutContentLength()
					.body(null, ("5\r\n--x--\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII))));
		all.add(framing("a 64 KB header",
				(c) -> RawHttp.request("GET", "/api/v1/me").key(c.user().secret()).header("X-Pad", "p".repeat(65_536)),
				431));
		all.add(hostile("two Content-Type headers", (c) -> {
			Multipart body = GenerationRequestShapesTests.stagingFields(c.marker());
			return RawHttp.request("POST", JOBS)
				.key(c.user().secret())
				.header("Content-Type", "application/json")
				.body(body.contentType(), body.bytes());
		}));
		all.add(hostile("a multipart type with two boundaries", (c) -> {
			Multipart body = GenerationRequestShapesTests.stagingFields(c.marker());
			return RawHttp.request("POST", JOBS)
				.key(c.user().secret())
				.body(body.contentType() + "; boundary=another", body.bytes());
		}, 400, null));
		all.add(hostile("multipart/mixed", (c) -> {
			Multipart body = GenerationRequestShapesTests.stagingFields(c.marker());
			return RawHttp.request("POST", JOBS)
				.key(c.user().secret())
				.body(body.contentType().replace("form-data", "mixed"), body.bytes());
		}, 415, null));
		all.add(hostile("a multipart body without Content-Type",
				(c) -> RawHttp.request("POST", JOBS)
					.key(c.user().secret())
					.body(null, GenerationRequestShapesTests.stagingFields(c.marker()).bytes()),
				415, null));
		// names and values
		all.add(hostile("the photo under a Cyrillic lookalike of image",
				(c) -> generation(c,
						new Multipart().photo("\u0456mage", GenerationRequestShapesTests.photo())
							.text("room_type", "living_room")
							.text("prompt", c.marker())),
				422, "invalid-field"));
		all.add(hostile("the photo under a full-width name",
				(c) -> generation(c,
						new Multipart().photo("\uFF49\uFF4D\uFF41\uFF47\uFF45", GenerationRequestShapesTests.photo())
							.text("prompt", c.marker())),
				422, "invalid-field"));
		all.add(hostile("num_images in Arabic-Indic digits",
				(c) -> generation(c,
						GenerationRequestShapesTests.stagingFields(c.marker()).text("num_images", "\u0665")),
				422, "invalid-field"));
		all.add(hostile("num_images with a NUL byte",
				(c) -> generation(c,
						GenerationRequestShapesTests.stagingFields(c.marker()).text("num_images", "1\u00002")),
				422, "invalid-field"));
		all.add(hostile("num_images 1_0",
				(c) -> generation(c, GenerationRequestShapesTests.stagingFields(c.marker()).text("num_images", "1_0")),
				422, "invalid-field"));
		all.add(hostile("a NUL byte in the prompt",
				(c) -> generation(c,
						new Multipart().photo("image", GenerationRequestShapesTests.photo())
							.text("room_type", "living_room")
							.text("prompt", c.marker() + "\u0000; DROP TABLE staging_job"))));
		all.add(hostile("a NUL byte in the style",
				(c) -> generation(c,
						new Multipart().photo("image", GenerationRequestShapesTests.photo())
							.text("style", "modern\u0000")
							.text("prompt", c.marker()))));
		all.add(hostile("a prompt of 100 000 characters",
				(c) -> generation(c,
						new Multipart().photo("image", GenerationRequestShapesTests.photo())
							.text("room_type", "living_room")
							.text("prompt", c.marker() + "p".repeat(100_000)))));
		all.add(hostile("a negative prompt of 100 000 characters", (c) -> generation(c,
				GenerationRequestShapesTests.stagingFields(c.marker()).text("negative_prompt", "n".repeat(100_000)))));
		all.add(hostile("a seed beyond a long", (c) -> generation(c,
				GenerationRequestShapesTests.stagingFields(c.marker()).text("seed", "-99999999999999999999"))));
		all.add(hostile("a seed that is text",
				(c) -> generation(c, GenerationRequestShapesTests.stagingFields(c.marker()).text("seed", "abc"))));
		all.add(hostile("a room type with path traversal",
				(c) -> generation(c,
						new Multipart().photo("image", GenerationRequestShapesTests.photo())
							.text("room_type", "../../etc/passwd")
							.text("prompt", c.marker()))));
		all.add(hostile("a workflow with path traversal", (c) -> generation(c,
				GenerationRequestShapesTests.stagingFields(c.marker()).text("workflow", "../../../etc/passwd"))));
		all.add(hostile("a style that is markup",
				(c) -> generation(c,
						new Multipart().photo("image", GenerationRequestShapesTests.photo())
							.text("style", "<script>alert(1)</script>")
							.text("prompt", c.marker()))));
		all.add(hostile("a photo that is text",
				(c) -> generation(c,
						new Multipart()
							.file("image", "room.jpg", "image/jpeg", "not pixels".getBytes(StandardCharsets.UTF_8))
							.text("prompt", c.marker()))));
		all.add(hostile("a truncated JPEG", (c) -> generation(c,
				new Multipart().photo("image", Photos.truncatedJpeg()).text("prompt", c.marker()))));
		// paging, scopes and dates
		for (String query : List.of("page=-1", "size=0", "size=-5", "size=1000000", "page=abc", "page=99999999999",
				"page=2147483647", "scope=other", "scope=own&scope=all")) {
			all.add(hostile("jobs ?" + query, (c) -> get(JOBS + "?" + query, c.user().secret())));
		}
		all.add(hostile("jobs ?scope=ALL as a user", (c) -> get(JOBS + "?scope=ALL", c.user().secret())));
		for (String query : List.of("page=2147483647", "page=-1", "size=0", "size=201", "role=superadmin",
				"status=%00")) {
			all.add(hostile("keys ?" + query, (c) -> get("/api/v1/keys?" + query, c.admin().secret())));
		}
		all.add(hostile("audit ?page=2147483647", (c) -> get("/api/v1/audit?page=2147483647", c.superAdmin())));
		all.add(hostile("audit ?from=yesterday", (c) -> get("/api/v1/audit?from=yesterday", c.superAdmin())));
		for (String date : List.of("-999999999-01-01", "+999999999-12-31", "2026-02-30")) {
			all.add(hostile("all keys' usage from " + date,
					(c) -> get("/api/v1/keys/usage?from=" + date, c.admin().secret())));
			all.add(hostile("all keys' usage to " + date, (c) -> get("/api/v1/keys/usage?to=" + date, c.superAdmin())));
			all.add(hostile("a key's usage from " + date,
					(c) -> get("/api/v1/keys/" + c.user().id() + "/usage?from=" + date, c.superAdmin())));
			all.add(hostile("a key's usage to " + date,
					(c) -> get("/api/v1/keys/" + c.user().id() + "/usage?to=" + date, c.superAdmin())));
		}
		all.add(hostile("a key id that is not a UUID", (c) -> get("/api/v1/keys/not-a-uuid", c.admin().secret())));
		// bodies of the key API
		for (String body : List.of("{\"name\":\"q\",\"role\":\"user\",\"daily_quota\":-1,\"rate_limit_per_minute\":60}",
				"{\"name\":\"q\",\"role\":\"user\",\"daily_quota\":2147483648,\"rate_limit_per_minute\":60}",
				"{\"name\":\"q\",\"role\":\"superadmin\",\"daily_quota\":5,\"rate_limit_per_minute\":60}",
				"{\"name\":\"q\",\"role\":\"user\",\"daily_quota\":5,\"daily_quota\":100000,\"rate_limit_per_minute\":60}",
				"[]", "{\"name\":\"q\",")) {
			all.add(hostile("create a key with " + body,
					(c) -> RawHttp.request("POST", "/api/v1/keys")
						.key(c.admin().secret())
						.body("application/json", body.getBytes(StandardCharsets.UTF_8))));
		}
		all.add(hostile("validate with a JSON array", (c) -> RawHttp.request("POST", "/api/keys/validate")
			.body("application/json", "[]".getBytes(StandardCharsets.UTF_8))));
		// the first version's contract: whatever is not a key is answered valid: false
		all.add(hostile("validate with a number for the key", (c) -> RawHttp.request("POST", "/api/validate")
			.body("application/json", "{\"api_key\":12345}".getBytes(StandardCharsets.UTF_8)), 200, null));
		// methods and paths
		all.add(hostile("TRACE /api/v1/me", (c) -> RawHttp.request("TRACE", "/api/v1/me").key(c.user().secret())));
		all.add(hostile("POST /api/v1/me",
				(c) -> RawHttp.request("POST", "/api/v1/me")
					.key(c.user().secret())
					.body("application/json", "{}".getBytes(StandardCharsets.UTF_8))));
		all.add(hostile("a job path with %00", (c) -> get(JOBS + "/%00?x=1", c.user().secret()), 400, null));
		all.add(hostile("a job path with %2f", (c) -> get(JOBS + "/..%2f..%2fkeys", c.user().secret()), 400, null));
		all.add(hostile("a keys path with %00", (c) -> get("/api/v1/keys/%00", c.admin().secret()), 400, null));
		all.add(hostile("an encoded dot-dot to the internal API",
				(c) -> get("/api/v1/%2e%2e/%2e%2e/internal/v1/keys/changes/head", c.admin().secret())));
		all.add(hostile("the internal API through the gateway",
				(c) -> get("/internal/v1/keys/changes/head", c.superAdmin())));
		// signed links
		all.add(hostile("a signed link with a tampered sig",
				(c) -> RawHttp.request("GET", tamperSignature(c.imageLink()))));
		all.add(hostile("a signed link with a later expires",
				(c) -> RawHttp.request("GET", laterExpiry(c.imageLink()))));
		all.add(hostile("a signed link without sig",
				(c) -> RawHttp.request("GET", c.imageLink().substring(0, c.imageLink().indexOf("&sig=")))));
		all.add(hostile("a signed link's sig on another file", (c) -> RawHttp.request("GET",
				pathOf(c.secondImageLink()) + c.imageLink().substring(c.imageLink().indexOf('?')))));
		all.add(hostile("a signed link with an encoded ../ in its name",
				(c) -> RawHttp.request("GET", pathOf(c.inputLink()).replace("input-0.jpg", "..%2f..%2fkeys.db")
						+ c.inputLink().substring(c.inputLink().indexOf('?')))));
		all.add(hostile("a signed link with ../ segments",
				(c) -> RawHttp.request("GET", pathOf(c.inputLink()).replace("input-0.jpg", "../../../etc/passwd")
						+ c.inputLink().substring(c.inputLink().indexOf('?')))));
		all.add(hostile("a signed link with expires -1",
				(c) -> RawHttp.request("GET", c.imageLink().replaceFirst("expires=[0-9]+", "expires=-1"))));
		return all;
	}

	private static String pathOf(String link) {
		return link.substring(0, link.indexOf('?'));
	}

	private static String tamperSignature(String link) {
		int at = link.indexOf("&sig=") + 5;
		char first = link.charAt(at);
		return link.substring(0, at) + ((first == 'A') ? 'B' : 'A') + link.substring(at + 1);
	}

	private static String laterExpiry(String link) {
		java.util.regex.Matcher expires = java.util.regex.Pattern.compile("expires=([0-9]+)").matcher(link);
		assertThat(expires.find()).isTrue();
		return link.replace(expires.group(), "expires=" + (Long.parseLong(expires.group(1)) + 1));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileRequests")
	void aHostileRequestIsAProblemAnswerThatChargesMakesAndLeaksNothing(Hostile hostile) {
		FreshKey user = FreshKey.issue(this.suite, "user", 20);
		FreshKey admin = FreshKey.issue(this.suite, "admin", 20);
		Context context = new Context(user, admin, this.suite.superAdminKey(), "hostile-" + UUID.randomUUID(),
				this.imageLink, this.secondImageLink, this.inputLink);
		RawHttp.Response answer = hostile.request().apply(context).send(this.suite.baseUrl());
		List<String> secrets = new ArrayList<>(user.secrets());
		secrets.add(admin.secret());
		if (hostile.status() != 0) {
			assertThat(answer.status()).as("%s", answer).isEqualTo(hostile.status());
		}
		if (hostile.framing()) {
			assertThat(answer.body()).as("%s", answer).doesNotContain(secrets).doesNotContain("Exception");
		}
		else if (answer.status() == 200) {
			assertThat(answer.json().path("valid").asBoolean(true)).as("%s", answer).isFalse();
		}
		else {
			Refusals.assertProblem(answer, secrets);
		}
		if (hostile.slug() != null) {
			assertThat(answer.problem()).as("%s", answer).isEqualTo(hostile.slug());
		}
		assertThat(answer.body()).as("no signed link in a refusal").doesNotContain("sig=");
		user.assertNothingChargedOrMade(context.marker());
		admin.assertNothingChargedOrMade(null);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "trust-gateway-service-1", "trust-key-manager-service", "trust-staging-backend-service" })
	void publicHealthSaysOnlyUpOrDown(String process) {
		String base = this.suite.process(process).baseUrl();
		RawHttp.Response health = RawHttp.request("GET", "/actuator/health").send(base);
		assertThat(health.status()).as("%s", health).isEqualTo(200);
		assertThat(health.json().properties()).as("%s", health).hasSize(1);
		assertThat(health.json().get("status").asString()).isIn("UP", "DOWN");
		for (String actuator : List.of("/actuator/env", "/actuator/heapdump", "/actuator/configprops",
				"/actuator/beans", "/actuator/health/db", "/actuator/loggers")) {
			RawHttp.Response answer = RawHttp.request("GET", actuator).send(base);
			assertThat(answer.status()).as("%s without a token: %s", actuator, answer).isIn(401, 403, 404);
			assertThat(answer.body()).doesNotContain(this.suite.internalSecrets())
				.doesNotContain("components", "details");
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/actuator/info", "/actuator/prometheus", "/actuator/metrics" })
	void theBackendsOtherActuatorsNeedAToken(String path) {
		RawHttp.Response answer = RawHttp.request("GET", path)
			.send(this.suite.process("trust-staging-backend-service").baseUrl());
		assertThat(answer.status()).as("%s: %s", path, answer).isIn(401, 404);
	}

}
