package io.vstage.staging.job;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.vstage.simulator.ComfyUiSimulator;
import io.vstage.simulator.PromptTiming;
import io.vstage.staging.JobPolling;
import io.vstage.staging.StagingApi;
import io.vstage.staging.StagingBackendApplication;
import io.vstage.staging.TestEngines;
import io.vstage.staging.TestTokens;

import static io.vstage.staging.StagingApi.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance that dies (connection refused) while running prompts: they go to the
 * instance still alive instead of waiting for the image deadline.
 */
class EngineDeathIntegrationTests {

	private static final String USER = TestTokens.user("death-user");

	@Test
	void promptsOfADeadInstanceAreSentToTheLiveOne() throws Exception {
		ComfyUiSimulator alive = TestEngines.startSimulator().promptDuration(Duration.ofSeconds(3));
		ComfyUiSimulator dying = TestEngines.startSimulator().promptDuration(Duration.ofSeconds(30));
		Path data = Files.createTempDirectory("staging-death");
		// an image deadline far beyond the test's wait: only a re-queue can finish the
		// job
		// in time
		try (ConfigurableApplicationContext context = start(data, alive.baseUrl() + "," + dying.baseUrl(),
				"--vstage.engine.unreachable-timeout=2s", "--vstage.staging.image-deadline=10m")) {
			StagingApi api = new StagingApi(((WebServerApplicationContext) context).getWebServer().getPort());
			JobPolling.awaitJob(api, TestTokens.admin(), "",
					(ignored) -> api.get("/api/v1/staging/engines", TestTokens.admin())
						.body()
						.path("engines")
						.valueStream()
						.allMatch((engine) -> engine.path("healthy").asBoolean()));
			String id = api
				.submit(USER, fields("room_type", "bedroom", "style", "modern", "num_images", 2),
						TestImages.jpeg(320, 240))
				.body()
				.path("id")
				.asString();
			await().atMost(Duration.ofSeconds(30)).until(() -> !running(dying).isEmpty());
			dying.close();
			JsonNode job = JobPolling.awaitFinished(api, USER, id);
			assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
			assertThat(job.path("images").valueStream().map((image) -> image.path("status").asString()))
				.containsOnly("done");
			assertThat(alive.timings()).extracting(PromptTiming::outcome).hasSize(2);
		}
		finally {
			alive.close();
			dying.close();
		}
	}

	@Test
	void newJobsAreRefusedWith503WhileNoEngineAnswers() throws Exception {
		ComfyUiSimulator gone = TestEngines.startSimulator();
		gone.close();
		Path data = Files.createTempDirectory("staging-no-engine");
		try (ConfigurableApplicationContext context = start(data, gone.baseUrl().toString(),
				"--vstage.engine.unreachable-timeout=1s")) {
			StagingApi api = new StagingApi(((WebServerApplicationContext) context).getWebServer().getPort());
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				var reply = api.submit(USER, fields("room_type", "bedroom", "style", "modern"),
						TestImages.jpeg(320, 240));
				assertThat(reply.status()).as(reply.body().toString()).isEqualTo(503);
				assertThat(reply.body().path("type").asString()).endsWith("/engine-unavailable");
				assertThat(reply.headers().getFirst("Retry-After")).isEqualTo("30");
			});
		}
	}

	private static ConfigurableApplicationContext start(Path data, String engineUrls, String... extra) {
		List<String> arguments = new java.util.ArrayList<>(List.of("--server.port=0",
				"--vstage.staging.internal-jwt-secret=" + TestTokens.SECRET,
				"--vstage.staging.signed-url-secret=test-signed-url-secret-0123456789abcdef",
				"--vstage.staging.webhook-secret=test-webhook-secret",
				"--vstage.staging.storage-dir=" + data.resolve("images"),
				"--spring.datasource.url=jdbc:sqlite:" + data.resolve("staging.db"),
				"--vstage.engine.urls=" + engineUrls, "--vstage.staging.key-manager-url=" + TestEngines.keyManagerUrl(),
				"--vstage.engine.health-interval=300ms"));
		arguments.addAll(List.of(extra));
		return new SpringApplicationBuilder(StagingBackendApplication.class).run(arguments.toArray(String[]::new));
	}

	private static List<JsonNode> running(ComfyUiSimulator simulator) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/queue")).build(),
					HttpResponse.BodyHandlers.ofString());
		return JsonMapper.builder().build().readTree(response.body()).path("queue_running").valueStream().toList();
	}

}
