package io.vstage.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trust model's quota invariant under concurrency: 64 requests of mixed shapes at
 * once from four keys with small daily quotas (valid single photos, batches of two photos
 * × 2 images, the first version's endpoint, and shapes that must be refused: a field
 * given twice, generation fields in the query string). When every job has ended, for each
 * key: images delivered ≤ units charged, charged − refunded (the key manager's
 * {@code used_today}) = delivered exactly, never over the daily quota; no refused shape
 * made anything. Called directly, the staging backend renders exactly the units of the
 * reservation in its token, or refuses and makes nothing.
 */
class QuotaInvariantTests {

	private static final int KEYS = 4;

	private static final int REQUESTS_PER_KEY = 16;

	private static final int QUOTA = 9;

	@RegisterExtension
	static final SharedSuite shared = new SharedSuite(SharedSuite.TRUST);

	/**
	 * A shape of request, and whether the contract lets it through (quota permitting).
	 */
	record Shape(String name, Function<String, RawHttp> request, boolean admissible) {
	}

	private static final List<Shape> SHAPES = List.of(
			new Shape("single",
					(m) -> post(GenerationRequestShapesTests.JOBS,
							GenerationRequestShapesTests.stagingFields(m).text("num_images", "1")),
					true),
			new Shape("batch 2 photos × 2",
					(m) -> post(GenerationRequestShapesTests.JOBS,
							GenerationRequestShapesTests.stagingFields(m)
								.photo("image", GenerationRequestShapesTests.photo())
								.text("num_images", "2")),
					true),
			new Shape("legacy single",
					(m) -> post(GenerationRequestShapesTests.LEGACY,
							GenerationRequestShapesTests.legacyFields(m).text("num_images", "1")),
					true),
			new Shape("num_images 10 then 1", (m) -> post(GenerationRequestShapesTests.JOBS,
					GenerationRequestShapesTests.stagingFields(m).text("num_images", "10").text("num_images", "1")),
					false),
			new Shape("num_images 1 then 10", (m) -> post(GenerationRequestShapesTests.JOBS,
					GenerationRequestShapesTests.stagingFields(m).text("num_images", "1").text("num_images", "10")),
					false),
			new Shape("?num_images=10",
					(m) -> post(GenerationRequestShapesTests.JOBS + "?num_images=10",
							GenerationRequestShapesTests.stagingFields(m)),
					false),
			new Shape("legacy ?num_images=10",
					(m) -> post(GenerationRequestShapesTests.LEGACY + "?num_images=10",
							GenerationRequestShapesTests.legacyFields(m)),
					false),
			new Shape("legacy two photos",
					(m) -> post(GenerationRequestShapesTests.LEGACY,
							GenerationRequestShapesTests.legacyFields(m)
								.photo("file", GenerationRequestShapesTests.photo())
								.text("num_images", "5")),
					false));

	/** A request sent and its answer. */
	record Sent(Shape shape, FreshKey key, RawHttp.Response answer) {
	}

	private static RawHttp post(String target, Multipart body) {
		return RawHttp.request("POST", target).body(body);
	}

	@Test
	void underSixtyFourConcurrentMixedRequestsEveryKeyIsChargedExactlyWhatItWasDelivered() throws Exception {
		Suite suite = shared.suite();
		List<FreshKey> keys = new ArrayList<>();
		for (int i = 0; i < KEYS; i++) {
			keys.add(FreshKey.issue(suite, "user", QUOTA));
		}
		Map<String, String> refusedMarkers = new ConcurrentHashMap<>();
		List<Future<Sent>> answers = new ArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int k = 0; k < KEYS; k++) {
				FreshKey key = keys.get(k);
				for (int r = 0; r < REQUESTS_PER_KEY; r++) {
					Shape shape = SHAPES.get((r + k) % SHAPES.size());
					String marker = "quota-" + UUID.randomUUID();
					if (!shape.admissible()) {
						refusedMarkers.put(marker, shape.name());
					}
					RawHttp request = shape.request().apply(marker).key(key.secret());
					answers.add(clients.submit(() -> {
						start.await();
						return new Sent(shape, key, request.send(suite.baseUrl()));
					}));
				}
			}
			start.countDown();
		}
		List<Sent> sent = new ArrayList<>();
		for (Future<Sent> answer : answers) {
			sent.add(answer.get());
		}

		for (int k = 0; k < KEYS; k++) {
			FreshKey key = keys.get(k);
			List<JsonNode> jobs = awaitEveryJobEnded(key);
			int delivered = 0;
			int asked = 0;
			for (JsonNode job : jobs) {
				int units = job.get("num_images").asInt() * job.get("input_count").asInt();
				asked += units;
				assertThat(job.get("num_images").asInt()).as("a job only an admissible shape could make: %s", job)
					.isBetween(1, 2);
				assertThat(job.get("images")).as("one image per unit of %s", job).hasSize(units);
				for (JsonNode image : job.get("images")) {
					if ("done".equals(image.get("status").asString())) {
						delivered++;
					}
				}
			}
			int images = delivered;
			int requested = asked;
			Awaitility.await("charged − refunded = delivered for key " + k)
				.atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(key.usedToday()).isEqualTo(images));
			assertThat(delivered).as("delivered to key %d", k).isPositive().isLessThanOrEqualTo(QUOTA);
			assertThat(delivered).as("delivered ≤ units of the accepted jobs").isLessThanOrEqualTo(requested);
			Awaitility.await("remaining_today at the gateway for key " + k)
				.atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(key.remainingToday()).isEqualTo(QUOTA - images));
		}
		assertThat(sent).as("every answer").allSatisfy((one) -> {
			RawHttp.Response answer = one.answer();
			if (answer.status() == 503) {
				// on a loaded machine the key manager may not answer the gateway in time:
				// the
				// request is refused whole (the totals above show nothing was charged or
				// made)
				assertThat(answer.problem()).as("%s", answer).isEqualTo("key-manager-unavailable");
				return;
			}
			if (!one.shape().admissible()) {
				Refusals.assertRefused(answer, 400, "ambiguous-request", one.key().secrets());
			}
			else {
				assertThat(answer.status()).as("%s: %s", one.shape().name(), answer).isIn(200, 202, 429);
				if (answer.status() == 429) {
					assertThat(answer.problem()).as("%s", answer).isEqualTo("quota-exceeded");
				}
			}
		});
		String history = String.join("\n", suite.simulatorUrls().stream().map(FreshKey::history).toList());
		assertThat(refusedMarkers.keySet()).as("no prompt of a refused shape reached the simulator")
			.allSatisfy((marker) -> assertThat(history).as(refusedMarkers.get(marker)).doesNotContain(marker));
	}

	/**
	 * A generation request sent to the staging backend directly, with a token whose
	 * reservation ({@code rsv}, {@code rsv_units}) does not match the request's units.
	 */
	record Mismatch(String name, String path, Long reservedUnits, Function<String, Multipart> body) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static List<Mismatch> mismatches() {
		return List.of(
				new Mismatch("1 unit reserved, num_images 10", GenerationRequestShapesTests.JOBS, 1L,
						(m) -> GenerationRequestShapesTests.stagingFields(m).text("num_images", "10")),
				new Mismatch("10 units reserved, num_images 1", GenerationRequestShapesTests.JOBS, 10L,
						(m) -> GenerationRequestShapesTests.stagingFields(m).text("num_images", "1")),
				new Mismatch("2 units reserved, 1 photo × 1", GenerationRequestShapesTests.JOBS, 2L,
						GenerationRequestShapesTests::stagingFields),
				new Mismatch("2 units reserved, 2 photos × 2", GenerationRequestShapesTests.JOBS, 2L,
						(m) -> GenerationRequestShapesTests.stagingFields(m)
							.photo("image", GenerationRequestShapesTests.photo())
							.text("num_images", "2")),
				new Mismatch("no reservation", GenerationRequestShapesTests.JOBS, null,
						GenerationRequestShapesTests::stagingFields),
				new Mismatch("legacy: 1 unit reserved, num_images 5", GenerationRequestShapesTests.LEGACY, 1L,
						(m) -> GenerationRequestShapesTests.legacyFields(m).text("num_images", "5")),
				new Mismatch("legacy: no reservation", GenerationRequestShapesTests.LEGACY, null,
						GenerationRequestShapesTests::legacyFields));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mismatches")
	void theBackendRendersExactlyTheReservedUnitsOrRefuses(Mismatch mismatch) {
		Suite suite = shared.suite();
		FreshKey key = FreshKey.issue(suite, "user", QUOTA);
		String marker = "reserved-" + UUID.randomUUID();
		RawHttp.Response answer = RawHttp.request("POST", mismatch.path())
			.body(mismatch.body().apply(marker))
			.header("Authorization", "Bearer " + reservationToken(suite, key, mismatch.reservedUnits()))
			.send(suite.process("trust-staging-backend-service").baseUrl());
		Refusals.assertProblem(answer, key.secrets());
		key.assertNothingChargedOrMade(marker);
	}

	/** The control: a reservation that matches the request's units is rendered. */
	@Test
	void theBackendRendersARequestWhoseUnitsMatchItsReservation() {
		Suite suite = shared.suite();
		FreshKey key = FreshKey.issue(suite, "user", QUOTA);
		RawHttp.Response answer = RawHttp.request("POST", GenerationRequestShapesTests.JOBS)
			.body(GenerationRequestShapesTests.stagingFields("matching-" + UUID.randomUUID())
				.photo("image", GenerationRequestShapesTests.photo())
				.text("num_images", "2"))
			.header("Authorization", "Bearer " + reservationToken(suite, key, 4L))
			.send(suite.process("trust-staging-backend-service").baseUrl());
		assertThat(answer.status()).as("%s", answer).isEqualTo(202);
		assertThat(answer.json().get("images")).as("%s", answer).hasSize(4);
	}

	/**
	 * Late grants: the key manager frozen (SIGSTOP) while a reservation is on its way, so
	 * the gateway gives up on it (503) and releases it; the key manager, thawed, then
	 * handles the reservation and the release in whatever order. The unit must not stay
	 * charged.
	 */
	@Test
	void aReservationTheGatewayGaveUpOnStaysUnchargedWhenItsGrantLandsLate() {
		Suite suite = shared.suite();
		FreshKey key = FreshKey.issue(suite, "user", QUOTA);
		assertThat(key.remainingToday()).as("the key cached by the gateway").isEqualTo(QUOTA);
		ServiceProcess keyManager = suite.process("trust-key-manager-service");
		String marker = "late-grant-" + UUID.randomUUID();
		RawHttp.Response answer;
		signal("STOP", keyManager);
		try {
			answer = RawHttp.request("POST", GenerationRequestShapesTests.JOBS)
				.body(GenerationRequestShapesTests.stagingFields(marker))
				.key(key.secret())
				.send(suite.baseUrl());
		}
		finally {
			signal("CONT", keyManager);
		}
		assertThat(answer.status()).as("%s", answer).isEqualTo(503);
		assertThat(answer.problem()).as("%s", answer).isEqualTo("key-manager-unavailable");
		// the late grant and the release have both reached the key manager by now
		Awaitility.await("the released reservation uncharged")
			.during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(key.usedToday()).isZero());
		key.assertNothingChargedOrMade(marker);
	}

	private static void signal(String signal, ServiceProcess process) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.handle().pid())).inheritIO()
				.start();
			assertThat(kill.waitFor()).as("kill -%s", signal).isZero();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A user's token as the gateway mints it for a generation request. */
	private static String reservationToken(Suite suite, FreshKey key, Long units) {
		InternalTokenTests.Token token = new InternalTokenTests.Token(InternalTokenTests.Receiver.STAGING_BACKEND,
				suite.internalSecrets().get(0));
		token.claims.put("sub", key.id());
		if (units != null) {
			token.claims.put("rsv", UUID.randomUUID().toString());
			token.claims.put("rsv_units", units);
		}
		return token.compact();
	}

	private static List<JsonNode> awaitEveryJobEnded(FreshKey key) {
		List<List<JsonNode>> last = new ArrayList<>(List.of(List.of()));
		Awaitility.await("every job of " + key.id() + " ended")
			.atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				List<JsonNode> jobs = key.jobs();
				last.set(0, jobs);
				return jobs.stream().allMatch((job) -> EndToEndJobs.TERMINAL.contains(job.get("status").asString()));
			});
		return last.get(0);
	}

}
