package io.vstage.staging.job;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.vstage.simulator.ComfyUiSimulator;
import io.vstage.staging.JobPolling;
import io.vstage.staging.StagingApi;
import io.vstage.staging.StagingApi.Reply;
import io.vstage.staging.StagingBackendApplication;
import io.vstage.staging.TestEngines;
import io.vstage.staging.TestTokens;

import static io.vstage.staging.StagingApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backend whose job queue holds one waiting job answers 503 with Retry-After beyond
 * that.
 */
class QueueFullIntegrationTests {

	private static final String USER = TestTokens.user("queue-user");

	private final ComfyUiSimulator simulator = TestEngines.simulator();

	@AfterEach
	void resetSimulator() {
		TestEngines.reset(this.simulator);
	}

	@Test
	void fullQueueAnswers503WithRetryAfter() throws Exception {
		this.simulator.promptDuration(Duration.ofSeconds(20));
		java.nio.file.Path data = java.nio.file.Files.createTempDirectory("staging-queue");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StagingBackendApplication.class).run(
				"--server.port=0", "--vstage.staging.internal-jwt-secret=" + TestTokens.SECRET,
				"--vstage.staging.signed-url-secret=test-signed-url-secret-0123456789abcdef",
				"--vstage.staging.webhook-secret=test-webhook-secret", "--vstage.staging.queue-capacity=1",
				"--vstage.staging.storage-dir=" + data.resolve("images"),
				"--spring.datasource.url=jdbc:sqlite:" + data.resolve("staging.db"),
				"--vstage.engine.urls=" + TestEngines.urls(),
				"--vstage.staging.key-manager-url=" + TestEngines.keyManagerUrl())) {
			StagingApi api = new StagingApi(((WebServerApplicationContext) context).getWebServer().getPort());
			String running = submit(api).body().path("id").asString();
			JobPolling.awaitJob(api, USER, running, (job) -> job.path("status").asString().equals("running"));
			String waiting = submit(api).body().path("id").asString();
			Reply refused = submit(api);
			assertThat(refused.status()).isEqualTo(503);
			assertThat(refused.problemType()).isEqualTo("https://vstage.io/problems/queue-full");
			assertThat(refused.headers().getFirst("Retry-After")).isEqualTo("30");
			api.delete("/api/v1/staging/jobs/" + waiting, USER);
			assertThat(submit(api).status()).isEqualTo(202);
			api.get("/api/v1/staging/jobs?size=10", USER)
				.body()
				.path("items")
				.forEach((job) -> api.delete("/api/v1/staging/jobs/" + job.path("id").asString(), USER));
		}
	}

	private static Reply submit(StagingApi api) {
		return api.submit(USER, fields("room_type", "bedroom", "style", "modern", "num_images", 2),
				TestImages.jpeg(64, 48));
	}

}
