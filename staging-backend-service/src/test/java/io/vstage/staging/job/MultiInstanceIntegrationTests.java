package io.vstage.staging.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

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

/**
 * Several simulator instances share one job's images, least-loaded first.
 */
class MultiInstanceIntegrationTests {

	private static final String USER = TestTokens.user("multi-user");

	private static final Duration PROMPT = Duration.ofMillis(1000);

	@ParameterizedTest
	@ValueSource(ints = { 2, 3 })
	void instancesShareTheLoad(int count) throws Exception {
		List<ComfyUiSimulator> simulators = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			simulators.add(TestEngines.startSimulator().promptDuration(PROMPT));
		}
		String urls = simulators.stream().map((s) -> s.baseUrl().toString()).collect(Collectors.joining(","));
		Path data = Files.createTempDirectory("staging-multi");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StagingBackendApplication.class).run(
				"--server.port=0", "--vstage.staging.internal-jwt-secret=" + TestTokens.SECRET,
				"--vstage.staging.signed-url-secret=test-signed-url-secret-0123456789abcdef",
				"--vstage.staging.webhook-secret=test-webhook-secret",
				"--vstage.staging.storage-dir=" + data.resolve("images"),
				"--spring.datasource.url=jdbc:sqlite:" + data.resolve("staging.db"), "--vstage.engine.urls=" + urls,
				"--vstage.staging.key-manager-url=" + TestEngines.keyManagerUrl(),
				"--vstage.engine.health-interval=300ms")) {
			StagingApi api = new StagingApi(((WebServerApplicationContext) context).getWebServer().getPort());
			JobPolling.awaitJob(api, TestTokens.admin(), "",
					(ignored) -> api.get("/api/v1/staging/engines", TestTokens.admin())
						.body()
						.path("engines")
						.valueStream()
						.allMatch((engine) -> engine.path("healthy").asBoolean()));
			int images = 2 * count;
			String id = api
				.submit(USER, fields("room_type", "bedroom", "style", "modern", "num_images", images),
						TestImages.jpeg(320, 240))
				.body()
				.path("id")
				.asString();
			JsonNode job = JobPolling.awaitFinished(api, USER, id);
			assertThat(job.path("status").asString()).isEqualTo("completed");
			Instant firstFinish = simulators.stream()
				.flatMap((simulator) -> simulator.timings().stream())
				.map(PromptTiming::finishedAt)
				.min(Comparator.naturalOrder())
				.orElseThrow();
			for (ComfyUiSimulator simulator : simulators) {
				List<PromptTiming> timings = simulator.timings();
				assertThat(timings).as("prompts run on " + simulator.baseUrl()).hasSize(2);
				// every instance was busy at the same time: the work was shared, not
				// taken in turns
				assertThat(timings.get(0).startedAt()).isBefore(firstFinish);
				// the second prompt was already queued there when the first ended
				assertThat(timings.get(1).queuedAt()).isBefore(timings.get(0).finishedAt());
			}
		}
		finally {
			simulators.forEach(ComfyUiSimulator::close);
		}
	}

}
