package io.vstage.systemtests;

import java.awt.Color;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out on one machine (issue 7): two gateways sharing a Redis, two key managers on
 * one PostgreSQL schema, two staging backends on another schema sharing one image folder,
 * three simulators in both backends' {@code COMFYUI_URLS}; gateway i talks to key manager
 * i and backend i. Fifty jobs from five keys over both gateways, one backend killed with
 * SIGKILL mid-run: every job completes exactly once (each image's prompt ran once on the
 * engines), the quotas and the shared rate limits are exact.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutTests {

	private static final String POSTGRES = System.getenv("TEST_POSTGRES_URL");

	private static final String RUN = UUID.randomUUID()
		.toString()
		.replace("-", "")
		.substring(0, 10)
		.toLowerCase(Locale.ROOT);

	private static final String KEYS_SCHEMA = "scale_keys_" + RUN;

	private static final String STAGING_SCHEMA = "scale_staging_" + RUN;

	private static final int KEYS = 5;

	private static final int JOBS_PER_KEY = 10;

	private static final int IMAGES_PER_JOB = 2;

	private static final int QUOTA = 100;

	private static final int PROMPT_MILLIS = 400;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static ServiceProcess.Builder redisServer;

	private static ServiceProcess redis;

	private static Suite suite;

	@BeforeAll
	static void start() throws SQLException {
		if (POSTGRES == null || POSTGRES.isBlank()) {
			RequiredOnCi.missing("TEST_POSTGRES_URL is not set");
		}
		execute("CREATE SCHEMA " + KEYS_SCHEMA);
		execute("CREATE SCHEMA " + STAGING_SCHEMA);
		redisServer = RedisServers.server("scale-redis");
		redis = redisServer.start();
		long starting = System.nanoTime();
		suite = Suite.start(new Suite.Layout("scale-", 3, List.of("--prompt-millis", String.valueOf(PROMPT_MILLIS)),
				Map.of("RATE_LIMIT_REDIS_URL", RedisServers.url(redisServer)),
				Map.of("STAGING_DB_URL", schema(STAGING_SCHEMA), "SPRING_FLYWAY_SCHEMAS", STAGING_SCHEMA))
			.withKeyManagerEnv(Map.of("KEYS_DB_URL", schema(KEYS_SCHEMA), "SPRING_FLYWAY_SCHEMAS", KEYS_SCHEMA))
			.withReplicas(2, 2));
		System.out.printf("scale-out: 10 processes healthy in %d s%n",
				Duration.ofNanos(System.nanoTime() - starting).toSeconds());
	}

	@AfterAll
	static void stop() throws SQLException {
		if (suite != null) {
			suite.close();
		}
		if (redis != null) {
			redis.stop();
		}
		if (POSTGRES != null && !POSTGRES.isBlank()) {
			execute("DROP SCHEMA IF EXISTS " + KEYS_SCHEMA + " CASCADE");
			execute("DROP SCHEMA IF EXISTS " + STAGING_SCHEMA + " CASCADE");
		}
	}

	@Test
	@Order(1)
	void aKeysRateLimitIsExactAcrossBothGateways() {
		List<SuiteApi> gateways = gateways();
		int limit = 5;
		SuiteApi.IssuedKey key = gateways.get(0).createKey(suite.superAdminKey(), "scale limited", "user", 10, limit);
		suite.remember(key.secret());
		// authenticated (and cached) by both without spending a token: limited per
		// address
		for (SuiteApi gateway : gateways) {
			assertThat(gateway.json("POST", "/api/keys/validate", "", Map.of("api_key", key.secret())).status())
				.isEqualTo(200);
		}
		List<Integer> statuses = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < 12; i++) {
			statuses.add(gateways.get(i % 2).json("GET", "/api/v1/me", key.secret(), null).status());
		}
		// one token refills every 12 s: a longer burst could see one more success
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		List<Integer> expected = new ArrayList<>(Collections.nCopies(limit, 200));
		expected.addAll(Collections.nCopies(12 - limit, 429));
		assertThat(statuses).isEqualTo(expected);
	}

	@Test
	@Order(2)
	void fiftyJobsOverBothGatewaysCompleteExactlyOnce() throws Exception {
		fiftyJobs("steady", 5_000_000L, false);
	}

	// last: it leaves backend 1 dead
	@Test
	@Order(3)
	void fiftyJobsOverBothGatewaysCompleteExactlyOnceWhenOneBackendIsKilled() throws Exception {
		fiftyJobs("kill", 7_000_000L, true);
	}

	private void fiftyJobs(String run, long seedBase, boolean kill) throws Exception {
		List<SuiteApi> gateways = gateways();
		SuiteApi admin = gateways.get(1);
		List<SuiteApi.IssuedKey> keys = new ArrayList<>();
		for (int k = 0; k < KEYS; k++) {
			SuiteApi.IssuedKey key = gateways.get(k % 2)
				.createKey(suite.superAdminKey(), "scale " + k, "user", QUOTA, 6000);
			suite.remember(key.secret());
			keys.add(key);
		}
		Path photo = Photos.emptyRoom("scale-room", Color.GREEN);
		// seeds far enough apart that every image of the run has its own
		Set<Long> seeds = ConcurrentHashMap.newKeySet();
		List<Submitted> submitted = Collections.synchronizedList(new ArrayList<>());
		long runStart = System.nanoTime();
		try (ExecutorService clients = Executors.newFixedThreadPool(KEYS)) {
			List<Future<?>> running = new ArrayList<>();
			for (int k = 0; k < KEYS; k++) {
				int keyIndex = k;
				running.add(clients.submit(() -> {
					for (int j = 0; j < JOBS_PER_KEY; j++) {
						int gateway = (keyIndex + j) % 2;
						long seed = seedBase + (keyIndex * JOBS_PER_KEY + j) * 17L;
						SuiteApi.Answer answer = gateways.get(gateway)
							.submitJob(keys.get(keyIndex).secret(), photo, IMAGES_PER_JOB, seed);
						assertThat(answer.status()).as("submit %s", answer).isEqualTo(202);
						for (int i = 0; i < IMAGES_PER_JOB; i++) {
							seeds.add(seed + i * 1_000_003L);
						}
						submitted.add(new Submitted(answer.body().get("id").asString(), keyIndex, gateway + 1));
					}
				}));
			}
			for (Future<?> client : running) {
				client.get();
			}
		}
		long submittedAt = System.nanoTime();
		assertThat(submitted).hasSize(KEYS * JOBS_PER_KEY);
		assertThat(seeds).hasSize(KEYS * JOBS_PER_KEY * IMAGES_PER_JOB);

		List<String> ofBackend1 = submitted.stream().filter((job) -> job.gateway() == 1).map(Submitted::id).toList();
		long killedAt = 0;
		long takenOverAt = 0;
		long unfinishedAtKill = 0;
		if (kill) {
			// once the run is under way and backend 1 still has work
			Awaitility.await("backend 1 under way")
				.atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> doneImages(admin, ofBackend1) >= 4);
			ServiceProcess backend1 = suite.process("scale-staging-backend-service-1");
			assertThat(backend1.handle().info().command().orElse("")).as("the JVM itself, not a wrapper")
				.endsWith("java");
			backend1.kill();
			killedAt = System.nanoTime();
			assertThat(backend1.isAlive()).isFalse();
			Map<String, JsonNode> atKill = jobs(admin, ofBackend1);
			int doneAtKill = done(atKill.values());
			unfinishedAtKill = atKill.values()
				.stream()
				.filter((job) -> !EndToEndJobs.TERMINAL.contains(job.get("status").asString()))
				.count();
			Awaitility.await("backend 2 takes over backend 1's jobs")
				.atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> doneImages(admin, ofBackend1) > doneAtKill);
			takenOverAt = System.nanoTime();
		}
		List<String> all = submitted.stream().map(Submitted::id).toList();
		Awaitility.await("every job ends")
			.atMost(Duration.ofSeconds(240))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> jobs(admin, all).values()
				.stream()
				.allMatch((job) -> EndToEndJobs.TERMINAL.contains(job.get("status").asString())));
		long endedAt = System.nanoTime();

		long wall = millis(runStart, endedAt);
		System.out.printf("scale-out %s: %d jobs (%d images) from %d keys over 2 gateways, 2 backends, "
				+ "3 simulators (%d ms a prompt): submitted in %d ms, all ended %d ms after the first submission "
				+ "(%.1f jobs/min, %.1f images/min)%n", run, all.size(), all.size() * IMAGES_PER_JOB, KEYS,
				PROMPT_MILLIS, millis(runStart, submittedAt), wall, all.size() * 60_000.0 / wall,
				all.size() * IMAGES_PER_JOB * 60_000.0 / wall);
		if (kill) {
			System.out.printf("scale-out %s: backend 1 killed (SIGKILL) with %d of its jobs unfinished; backend 2 "
					+ "delivered the first image of them %d ms after the kill; every job ended %d ms after the kill%n",
					run, unfinishedAtKill, millis(killedAt, takenOverAt), millis(killedAt, endedAt));
		}

		// every job completed, as its owner sees it through gateway 2; each file distinct
		// and downloaded through gateway 2
		Set<String> files = new HashSet<>();
		for (Submitted job : submitted) {
			JsonNode view = admin.json("GET", "/api/v1/staging/jobs/" + job.id(), keys.get(job.key()).secret(), null)
				.body();
			assertThat(view.get("status").asString()).as("job %s", view).isEqualTo("completed");
			assertThat(view.get("images")).hasSize(IMAGES_PER_JOB);
			for (JsonNode image : view.get("images")) {
				assertThat(image.get("status").asString()).as("image of %s", view).isEqualTo("done");
				String url = image.get("url").asString();
				assertThat(files.add(url.replaceAll("\\?.*", ""))).as("file of %s", view).isTrue();
				// written by its backend into the shared folder, served by any
				HttpResponse<byte[]> png = admin.download(url);
				assertThat(png.statusCode()).as("%s", url).isEqualTo(200);
				assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
			}
		}

		// what the engines ran: every image's prompt, by its seed
		Map<Long, Integer> runs = new HashMap<>();
		Map<Long, List<String>> prompts = new HashMap<>();
		int successes = 0;
		for (String simulator : suite.simulatorUrls()) {
			JsonNode history = JSON.readTree(EndToEndJobs
				.send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(simulator + "/history")).build())
				.body());
			for (JsonNode entry : history) {
				Set<Long> found = seedsIn(entry.path("prompt").get(2), seeds);
				if (found.isEmpty()) {
					// another test's prompt
					continue;
				}
				assertThat(found).as("a prompt of this run carries one seed of it").hasSize(1);
				if (!"success".equals(entry.path("status").path("status_str").asString())) {
					continue;
				}
				successes++;
				runs.merge(found.iterator().next(), 1, Integer::sum);
				prompts.computeIfAbsent(found.iterator().next(), (seed) -> new ArrayList<>())
					.add(simulator + " prompt " + entry.path("prompt").get(1).asString() + " client "
							+ entry.path("prompt").get(3).path("client_id").asString() + " "
							+ entry.path("status").path("messages"));
			}
		}
		assertThat(runs.keySet()).as("every image ran").isEqualTo(seeds);
		runs.forEach((seed, count) -> {
			if (count > 1) {
				System.out.printf("scale-out %s: image with seed %d ran %d times: %s%n", run, seed, count,
						prompts.get(seed));
			}
		});
		System.out.printf("scale-out %s: %d prompts ran to success on the engines for %d images%n", run, successes,
				seeds.size());
		assertThat(successes).as("no image ran twice on the engines: %s", prompts).isEqualTo(seeds.size());

		// quotas exact, in both key managers (one database)
		for (int k = 0; k < KEYS; k++) {
			SuiteApi.IssuedKey key = keys.get(k);
			for (SuiteApi gateway : gateways) {
				SuiteApi.Answer view = gateway.json("GET", "/api/v1/keys/" + key.id(), suite.superAdminKey(), null);
				assertThat(view.body().get("used_today").asInt()).as("key %d: %s", k, view.body())
					.isEqualTo(JOBS_PER_KEY * IMAGES_PER_JOB);
			}
		}
	}

	@Test
	@Order(4)
	void everyRequestIsAnsweredWhileRedisIsDownAndTheLimitIsSharedAgainWhenItReturns() throws Exception {
		List<SuiteApi> gateways = gateways(Duration.ofSeconds(5));
		SuiteApi.IssuedKey roomy = gateways.get(0).createKey(suite.superAdminKey(), "redis outage", "user", 10, 10_000);
		suite.remember(roomy.secret());
		redis.stop();
		List<String> outcomes = burst(gateways, roomy.secret(), 8, 25);
		assertThat(outcomes).as("answers while Redis is down").containsOnly("200").hasSize(2 * 8 * 25);
		for (SuiteApi gateway : gateways) {
			assertThat(rateLimitMode(gateway)).isEqualTo("local-fallback");
		}
		redis = redisServer.start();
		// each gateway tries Redis again after RATE_LIMIT_REDIS_RETRY_AFTER (5 s)
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			for (SuiteApi gateway : gateways) {
				assertThat(gateway.json("GET", "/api/v1/me", roomy.secret(), null).status()).isEqualTo(200);
				assertThat(rateLimitMode(gateway)).isEqualTo("redis");
			}
		});
		assertThat(burst(gateways, roomy.secret(), 4, 10)).containsOnly("200");
		aKeysRateLimitIsExactAcrossBothGateways();
	}

	@Test
	@Order(5)
	void aKeyRevokedThroughOneGatewayIsRefusedByBothWithinTwoSeconds() {
		List<SuiteApi> gateways = gateways(Duration.ofSeconds(5));
		SuiteApi.IssuedKey key = gateways.get(0).createKey(suite.superAdminKey(), "scale revoked", "user", 10, 600);
		suite.remember(key.secret());
		// cached by both gateways first
		for (SuiteApi gateway : gateways) {
			assertThat(gateway.json("GET", "/api/v1/me", key.secret(), null).status()).isEqualTo(200);
		}
		// revoked through gateway 2 and key manager 2; gateway 1 follows key manager 1's
		// feed
		SuiteApi.Answer revoked = gateways.get(1)
			.json("POST", "/api/v1/keys/" + key.id() + "/revoke", suite.superAdminKey(), null);
		assertThat(revoked.status()).as("%s", revoked).isBetween(200, 204);
		long revokedAt = System.nanoTime();
		Awaitility.await()
			.atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> gateways.stream()
				.allMatch((gateway) -> gateway.json("GET", "/api/v1/me", key.secret(), null).status() == 401));
		System.out.printf("scale-out revoke: refused by both gateways %d ms after the revocation%n",
				Duration.ofNanos(System.nanoTime() - revokedAt).toMillis());
	}

	/**
	 * threads × requests of GET /api/v1/me per gateway; each answer's status, or the
	 * failure.
	 */
	private static List<String> burst(List<SuiteApi> gateways, String key, int threads, int requests) throws Exception {
		List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
		try (ExecutorService pool = Executors.newFixedThreadPool(threads * gateways.size())) {
			List<Future<?>> running = new ArrayList<>();
			for (SuiteApi gateway : gateways) {
				for (int t = 0; t < threads; t++) {
					running.add(pool.submit(() -> {
						for (int i = 0; i < requests; i++) {
							try {
								outcomes.add(String.valueOf(gateway.json("GET", "/api/v1/me", key, null).status()));
							}
							catch (RuntimeException ex) {
								outcomes.add(gateway.baseUrl() + ": " + ex);
							}
						}
					}));
				}
			}
			for (Future<?> done : running) {
				done.get();
			}
		}
		return outcomes;
	}

	/**
	 * The store the gateway's limits use, from its gauge (public health says only UP).
	 */
	private static String rateLimitMode(SuiteApi gateway) {
		Matcher mode = RATE_LIMIT_STORE.matcher(gateway.text("/actuator/prometheus"));
		return mode.find() ? mode.group(1) : "unknown";
	}

	private static final Pattern RATE_LIMIT_STORE = Pattern
		.compile("(?m)^vstage_gateway_rate_limit_store\\{[^}]*mode=\"([a-z-]+)\"[^}]*\\} 1(?:\\.0)?$");

	private record Submitted(String id, int key, int gateway) {
	}

	private static List<SuiteApi> gateways() {
		return gateways(Duration.ofSeconds(60));
	}

	private static List<SuiteApi> gateways(Duration requestTimeout) {
		return suite.gatewayUrls().stream().map((url) -> new SuiteApi(url, requestTimeout)).toList();
	}

	/** The jobs of this run as the super admin sees them (one list call per 100). */
	private static Map<String, JsonNode> jobs(SuiteApi admin, List<String> ids) {
		Map<String, JsonNode> found = new HashMap<>();
		for (int page = 0; found.size() < ids.size() && page < 10; page++) {
			SuiteApi.Answer answer = admin.json("GET", "/api/v1/staging/jobs?scope=all&size=100&page=" + page,
					suite.superAdminKey(), null);
			assertThat(answer.status()).as("job list %s", answer).isEqualTo(200);
			for (JsonNode job : answer.body().get("items")) {
				if (ids.contains(job.get("id").asString())) {
					found.put(job.get("id").asString(), job);
				}
			}
			if (answer.body().get("items").isEmpty()) {
				break;
			}
		}
		assertThat(found.keySet()).as("jobs listed").containsExactlyInAnyOrderElementsOf(ids);
		return found;
	}

	private static int doneImages(SuiteApi admin, List<String> ids) {
		return done(jobs(admin, ids).values());
	}

	private static int done(Iterable<JsonNode> jobs) {
		int done = 0;
		for (JsonNode job : jobs) {
			for (JsonNode image : job.path("images")) {
				done += "done".equals(image.path("status").asString()) ? 1 : 0;
			}
		}
		return done;
	}

	/** The seeds of this run among a prompt's node inputs. */
	private static Set<Long> seedsIn(JsonNode graph, Set<Long> seeds) {
		Set<Long> found = new HashSet<>();
		if (graph == null) {
			return found;
		}
		for (JsonNode node : graph) {
			for (JsonNode input : node.path("inputs")) {
				if (input.isIntegralNumber() && seeds.contains(input.asLong())) {
					found.add(input.asLong());
				}
			}
		}
		return found;
	}

	private static long millis(long from, long to) {
		return Duration.ofNanos(to - from).toMillis();
	}

	private static String schema(String name) {
		return POSTGRES + (POSTGRES.contains("?") ? "&" : "?") + "currentSchema=" + name;
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(POSTGRES);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
