package io.vstage.staging.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.vstage.simulator.ComfyUiSimulator;
import io.vstage.staging.JobPolling;
import io.vstage.staging.StagingApi;
import io.vstage.staging.StagingBackendApplication;
import io.vstage.staging.TestEngines;
import io.vstage.staging.TestTokens;

import static io.vstage.staging.StagingApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops the backend while prompts run and starts a new one on the same database: the job
 * must finish with every image, nothing lost.
 */
class BackendRestartIntegrationTests {

	private static final String USER = TestTokens.user("restart-user");

	private final ComfyUiSimulator simulator = TestEngines.simulator();

	@AfterEach
	void resetSimulator() {
		TestEngines.reset(this.simulator);
	}

	@Test
	void jobAcceptedBeforeARestartCompletesAfterIt() throws Exception {
		Path data = Files.createTempDirectory("staging-restart");
		this.simulator.promptDuration(Duration.ofMillis(1200));
		String id;
		try (ConfigurableApplicationContext first = start(data)) {
			StagingApi api = new StagingApi(port(first));
			id = api
				.submit(USER, fields("room_type", "bedroom", "style", "modern", "num_images", 4),
						TestImages.jpeg(320, 240))
				.body()
				.path("id")
				.asString();
			JobPolling.awaitJob(api, USER, id, (job) -> JobPolling.anyImage(job, "running"));
		}
		try (ConfigurableApplicationContext second = start(data)) {
			StagingApi api = new StagingApi(port(second));
			JsonNode job = JobPolling.awaitFinished(api, USER, id);
			assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
			assertThat(job.path("images").valueStream().map((image) -> image.path("status").asString()))
				.containsOnly("done");
		}
	}

	private static ConfigurableApplicationContext start(Path data) {
		return new SpringApplicationBuilder(StagingBackendApplication.class).run("--server.port=0",
				"--vstage.staging.internal-jwt-secret=" + TestTokens.SECRET,
				"--vstage.staging.signed-url-secret=test-signed-url-secret-0123456789abcdef",
				"--vstage.staging.webhook-secret=test-webhook-secret",
				"--vstage.staging.storage-dir=" + data.resolve("images"),
				"--spring.datasource.url=jdbc:sqlite:" + data.resolve("staging.db")
						+ "?journal_mode=WAL&busy_timeout=10000&foreign_keys=true",
				"--vstage.engine.urls=" + TestEngines.urls(),
				"--vstage.staging.key-manager-url=" + TestEngines.keyManagerUrl(),
				"--vstage.engine.silence-timeout=1500ms", "--vstage.engine.health-interval=500ms");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
