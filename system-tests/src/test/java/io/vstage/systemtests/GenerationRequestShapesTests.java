package io.vstage.systemtests;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One reading of a generation request (the trust model's quota invariant): every shape of
 * {@code POST /api/v1/staging/jobs} and of the first version's
 * {@code POST /api/virtual-staging/generate} that two readers could take differently, or
 * that asks for what may not be asked, is refused through the gateway with the problem
 * the contract names, and nothing is charged, made or leaked. Each case runs on a key of
 * its own, and each request carries a marker prompt the simulator must never see.
 */
class GenerationRequestShapesTests {

	static final String JOBS = "/api/v1/staging/jobs";

	static final String LEGACY = "/api/virtual-staging/generate";

	@RegisterExtension
	static final SharedSuite shared = new SharedSuite(SharedSuite.TRUST);

	/** A refused shape: how to build it around a marker prompt, and the refusal. */
	record Shape(String name, Function<String, RawHttp> request, int status, String slug) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Path photo() {
		return Photos.emptyRoom("trust-room", Color.LIGHT_GRAY);
	}

	static byte[] photoBytes() {
		try {
			return Files.readAllBytes(photo());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A valid staging request's fields around the marker, photo first. */
	static Multipart stagingFields(String marker) {
		return new Multipart().photo("image", photo())
			.text("room_type", "living_room")
			.text("style", "modern")
			.text("prompt", marker);
	}

	static Multipart legacyFields(String marker) {
		return new Multipart().photo("file", photo()).text("style", "modern").text("prompt", marker);
	}

	static Shape jobs(String name, String query, Function<String, Multipart> body, int status, String slug) {
		return new Shape(name, (marker) -> RawHttp.request("POST", JOBS + query).body(body.apply(marker)), status,
				slug);
	}

	static Shape legacy(String name, String query, Function<String, Multipart> body, int status, String slug) {
		return new Shape(name, (marker) -> RawHttp.request("POST", LEGACY + query).body(body.apply(marker)), status,
				slug);
	}

	static List<Shape> refusedShapes() {
		List<Shape> shapes = new ArrayList<>();
		String ambiguous = "ambiguous-request";
		String invalid = "invalid-field";
		// generation fields in the query string
		for (String query : List.of("?num_images=10", "?num%5Fimages=10", "?NUM_IMAGES=3", "?num_images=1",
				"?style=modern", "?seed=7", "?prompt=x", "?room_type=bedroom", "?wait=5&num_images=10")) {
			shapes.add(jobs("jobs" + query, query, GenerationRequestShapesTests::stagingFields, 400, ambiguous));
		}
		shapes.add(legacy("legacy?num_images=10", "?num_images=10", GenerationRequestShapesTests::legacyFields, 400,
				ambiguous));
		shapes.add(legacy("legacy?num%5Fimages=10", "?num%5Fimages=10", GenerationRequestShapesTests::legacyFields, 400,
				ambiguous));
		// a single-valued field twice
		shapes.add(jobs("num_images 10 then 1", "",
				(m) -> stagingFields(m).text("num_images", "10").text("num_images", "1"), 400, ambiguous));
		shapes.add(jobs("num_images 1 then 10", "",
				(m) -> stagingFields(m).text("num_images", "1").text("num_images", "10"), 400, ambiguous));
		shapes.add(jobs("style twice", "", (m) -> stagingFields(m).text("style", "scandinavian"), 400, ambiguous));
		shapes
			.add(jobs("wait in query and body", "?wait=1", (m) -> stagingFields(m).text("wait", "1"), 400, ambiguous));
		shapes.add(legacy("legacy num_images 1 then 10", "",
				(m) -> legacyFields(m).text("num_images", "1").text("num_images", "10"), 400, ambiguous));
		// parts whose disposition reads two ways
		byte[] jpeg = photoBytes();
		shapes.add(jobs("image part named name*=UTF-8''image", "",
				(m) -> new Multipart()
					.part("Content-Disposition: form-data; name*=UTF-8''image; filename=\"room.jpg\"\r\n"
							+ "Content-Type: image/jpeg", jpeg)
					.text("prompt", m),
				400, ambiguous));
		shapes.add(jobs("image part with name and name*", "",
				(m) -> new Multipart()
					.part("Content-Disposition: form-data; name=\"image\"; name*=UTF-8''num_images; "
							+ "filename=\"room.jpg\"\r\nContent-Type: image/jpeg", jpeg)
					.text("prompt", m),
				400, ambiguous));
		shapes.add(jobs("image part with filename*", "",
				(m) -> new Multipart()
					.part("Content-Disposition: form-data; name=\"image\"; filename*=UTF-8''room.jpg\r\n"
							+ "Content-Type: image/jpeg", jpeg)
					.text("prompt", m),
				400, ambiguous));
		shapes.add(jobs("disposition repeating name", "",
				(m) -> new Multipart()
					.part("Content-Disposition: form-data; name=\"image\"; name=\"other\"; filename=\"room.jpg\"\r\n"
							+ "Content-Type: image/jpeg", jpeg)
					.text("prompt", m),
				400, ambiguous));
		shapes.add(jobs("num_images named twice in one disposition", "",
				(m) -> stagingFields(m).part("Content-Disposition: form-data; name=\"num_images\"; name=\"label\"",
						"10".getBytes(StandardCharsets.UTF_8)),
				400, ambiguous));
		shapes.add(jobs("two Content-Disposition headers on one part", "",
				(m) -> stagingFields(m).part(
						"Content-Disposition: form-data; name=\"label\"\r\n"
								+ "Content-Disposition: form-data; name=\"num_images\"",
						"10".getBytes(StandardCharsets.UTF_8)),
				400, "bad-multipart"));
		shapes.add(jobs("image sent as a text field", "",
				(m) -> new Multipart().text("image", "room.jpg").text("room_type", "living_room").text("prompt", m),
				400, ambiguous));
		shapes.add(jobs("image as text beside a real photo", "", (m) -> stagingFields(m).text("image", "another.jpg"),
				400, ambiguous));
		shapes.add(jobs("num_images sent as a file", "", (m) -> stagingFields(m).file("num_images", "n.txt",
				"text/plain", "10".getBytes(StandardCharsets.UTF_8)), 400, ambiguous));
		shapes.add(legacy("legacy with two file parts", "", (m) -> legacyFields(m).photo("file", photo()), 400,
				ambiguous));
		shapes.add(legacy("legacy file sent as a text field", "",
				(m) -> new Multipart().text("file", "room.jpg").text("prompt", m), 400, ambiguous));
		shapes.add(legacy("legacy num_images sent as a file", "",
				(m) -> legacyFields(m).file("num_images", "n.txt", "text/plain", "10".getBytes(StandardCharsets.UTF_8)),
				400, ambiguous));
		// values num_images may not have
		for (String value : List.of("0", "11", "-1", "2147483648", "abc", "1e1", "+5", "\uFF15", "1.0", "0x5",
				"99999999999999999999")) {
			shapes.add(jobs("num_images '" + value + "'", "", (m) -> stagingFields(m).text("num_images", value), 422,
					invalid));
		}
		for (String value : List.of("0", "11", "-1", "abc", "\uFF15")) {
			shapes.add(legacy("legacy num_images '" + value + "'", "", (m) -> legacyFields(m).text("num_images", value),
					422, invalid));
		}
		shapes.add(jobs("no photo", "",
				(m) -> new Multipart().text("room_type", "living_room").text("prompt", m).text("num_images", "2"), 422,
				invalid));
		shapes.add(jobs("an empty photo", "",
				(m) -> new Multipart().file("image", "room.jpg", "image/jpeg", new byte[0]).text("prompt", m), 422,
				invalid));
		shapes.add(jobs("an empty photo beside a real one", "",
				(m) -> stagingFields(m).file("image", "empty.jpg", "image/jpeg", new byte[0]), 422, invalid));
		shapes.add(legacy("legacy without a photo", "", (m) -> new Multipart().text("prompt", m), 422, invalid));
		shapes.add(legacy("legacy with an empty photo", "",
				(m) -> new Multipart().file("file", "room.jpg", "image/jpeg", new byte[0]).text("prompt", m), 422,
				invalid));
		// unreadable multipart
		shapes.add(new Shape("multipart without a boundary",
				(m) -> RawHttp.request("POST", JOBS).body("multipart/form-data", stagingFields(m).bytes()), 400,
				"bad-multipart"));
		shapes.add(new Shape("multipart with another boundary than the body's",
				(m) -> RawHttp.request("POST", JOBS)
					.body("multipart/form-data; boundary=not-the-one", stagingFields(m).bytes()),
				400, "bad-multipart"));
		shapes.add(new Shape("truncated multipart", (m) -> {
			Multipart body = stagingFields(m);
			return RawHttp.request("POST", JOBS).body(body.contentType(), body.truncated());
		}, 400, "bad-multipart"));
		shapes.add(new Shape("legacy truncated multipart", (m) -> {
			Multipart body = legacyFields(m);
			return RawHttp.request("POST", LEGACY).body(body.contentType(), body.truncated());
		}, 400, "bad-multipart"));
		shapes.add(jobs("a part without a name", "",
				(m) -> stagingFields(m)
					.part("Content-Disposition: form-data; filename=\"x.jpg\"\r\n" + "Content-Type: image/jpeg", jpeg),
				400, "bad-multipart"));
		shapes.add(jobs("a part without Content-Disposition", "",
				(m) -> stagingFields(m).part("Content-Type: text/plain", "10".getBytes(StandardCharsets.UTF_8)), 400,
				"bad-multipart"));
		// not multipart at all
		shapes.add(new Shape("JSON body", (m) -> RawHttp.request("POST", JOBS)
			.body("application/json", ("{\"num_images\":1,\"prompt\":\"" + m + "\"}").getBytes(StandardCharsets.UTF_8)),
				415, "unsupported-media-type"));
		shapes.add(new Shape("form-urlencoded body",
				(m) -> RawHttp.request("POST", JOBS)
					.body("application/x-www-form-urlencoded",
							("num_images=1&room_type=living_room&prompt=" + m).getBytes(StandardCharsets.UTF_8)),
				415, "unsupported-media-type"));
		shapes.add(new Shape("text/plain body",
				(m) -> RawHttp.request("POST", JOBS).body("text/plain", m.getBytes(StandardCharsets.UTF_8)), 415,
				"unsupported-media-type"));
		shapes.add(new Shape("legacy JSON body", (m) -> RawHttp.request("POST", LEGACY)
			.body("application/json", ("{\"num_images\":1,\"prompt\":\"" + m + "\"}").getBytes(StandardCharsets.UTF_8)),
				415, "unsupported-media-type"));
		return shapes;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedShapes")
	void anAmbiguousOrInvalidGenerationRequestIsRefusedAndChargesMakesAndLeaksNothing(Shape shape) {
		Suite suite = shared.suite();
		FreshKey key = FreshKey.issue(suite, "user", 30);
		String marker = "shape-" + UUID.randomUUID();
		RawHttp.Response answer = shape.request().apply(marker).key(key.secret()).send(suite.baseUrl());
		Refusals.assertRefused(answer, shape.status(), shape.slug(), key.secrets());
		key.assertNothingChargedOrMade(marker);
	}

	@ParameterizedTest(name = "webhook_url {0}")
	@ValueSource(strings = { "http://10.0.0.1/", "http://192.168.1.1/", "http://172.16.0.1/", "http://[fd00::1]/",
			"http://100.64.0.1/", "http://127.0.0.1:1/", "http://169.254.169.254/", "http://[::ffff:10.0.0.1]/",
			"http://2130706433/", "http://localhost:1/", "http://0.0.0.0:1/", "http://[::1]:1/", "file:///etc/passwd",
			"http://127.1:1/" })
	void aWebhookToAPrivateLoopbackOrLinkLocalTargetIsRefusedBeforeAnythingIsChargedOrMade(String url) {
		Suite suite = shared.suite();
		FreshKey key = FreshKey.issue(suite, "user", 30);
		String marker = "webhook-" + UUID.randomUUID();
		RawHttp.Response answer = RawHttp.request("POST", JOBS)
			.body(stagingFields(marker).text("webhook_url", url))
			.key(key.secret())
			.send(suite.baseUrl());
		assertThat(answer.status()).as("%s", answer).isEqualTo(422);
		Refusals.assertProblem(answer, key.secrets());
		key.assertNothingChargedOrMade(marker);
	}

	/**
	 * The control: the shapes above are refused for what they are, not for being POSTs.
	 */
	@Test
	void aWellFormedBatchIsAcceptedAndChargedNumImagesTimesPhotos() {
		Suite suite = shared.suite();
		FreshKey key = FreshKey.issue(suite, "user", 30);
		RawHttp.Response answer = RawHttp.request("POST", JOBS)
			.body(stagingFields("control-" + UUID.randomUUID()).photo("image", photo()).text("num_images", "3"))
			.key(key.secret())
			.send(suite.baseUrl());
		assertThat(answer.status()).as("%s", answer).isEqualTo(202);
		JsonNode job = EndToEndJobs.awaitEnd(suite.api(), key.secret(), answer.json().get("id").asString(),
				Duration.ofSeconds(60));
		assertThat(job.get("images")).as("job %s", job).hasSize(6);
		Awaitility.await("2 photos × 3 images charged")
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(key.usedToday()).isEqualTo(6));
	}

	@Test
	void aWellFormedLegacyRequestIsChargedItsNumImages() {
		Suite suite = shared.suite();
		FreshKey key = FreshKey.issue(suite, "user", 30);
		RawHttp.Response answer = RawHttp.request("POST", LEGACY)
			.body(legacyFields("legacy-control-" + UUID.randomUUID()).text("num_images", "2"))
			.key(key.secret())
			.send(suite.baseUrl());
		assertThat(answer.status()).as("%s", answer).isEqualTo(200);
		assertThat(answer.json().get("results")).as("%s", answer).hasSize(2);
		Awaitility.await("2 images charged")
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(key.usedToday()).isEqualTo(2));
	}

}
