package io.vstage.systemtests;

import java.awt.Color;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault test (issue 7): one of two simulators killed with SIGKILL while a job runs on
 * both. What the backend guarantees: the job ends (nothing hangs), every image ends
 * delivered or failed, and the units of undelivered images are refunded.
 */
class SimulatorKilledMidJobTests {

	/**
	 * Slow prompts, so the kill lands mid-job; a short image deadline bounds the wait.
	 */
	private static final Suite.Layout LAYOUT = new Suite.Layout("fault-", 2, List.of("--prompt-millis", "3000"),
			Map.of(), Map.of("VSTAGE_STAGING_IMAGEDEADLINE", "45s"));

	@RegisterExtension
	static final SharedSuite shared = new SharedSuite(LAYOUT);

	@Test
	void aJobWhoseSimulatorIsKilledEndsAndRefundsWhatItDidNotDeliver() {
		Suite suite = shared.suite();
		SuiteApi api = suite.api();
		SuiteApi.IssuedKey user = api.createKey(suite.superAdminKey(), "fault user", "user", 10);
		suite.remember(user.secret());
		SuiteApi.Answer submitted = api.submitJob(user.secret(), Photos.emptyRoom("fault-room", Color.CYAN), 4);
		assertThat(submitted.status()).as("submit %s", submitted).isIn(200, 201, 202);
		String jobId = submitted.body().get("id").asString();
		Awaitility.await("job running")
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> "running".equals(api.json("GET", "/api/v1/staging/jobs/" + jobId, user.secret(), null)
				.body()
				.get("status")
				.asString()));

		suite.process("fault-simulator-1").kill();

		JsonNode job = EndToEndJobs.awaitEnd(api, user.secret(), jobId, Duration.ofSeconds(150));
		assertThat(job.get("status").asString()).as("job %s", job).isIn("completed", "failed");
		int delivered = 0;
		for (JsonNode image : job.get("images")) {
			assertThat(image.get("status").asString()).as("image %s", image).isIn("done", "failed");
			delivered += "done".equals(image.get("status").asString()) ? 1 : 0;
		}
		int expectedRemaining = 10 - delivered;
		Awaitility.await("undelivered units refunded")
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					api.json("GET", "/api/v1/me", user.secret(), null).body().get("remaining_today").asInt())
				.as("job %s", job)
				.isEqualTo(expectedRemaining));
	}

}
