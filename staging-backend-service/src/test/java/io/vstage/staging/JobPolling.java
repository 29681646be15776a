package io.vstage.staging;

import java.time.Duration;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * Waits for a job to reach a state, by reading it through the API.
 */
public final class JobPolling {

	private JobPolling() {
	}

	public static JsonNode awaitJob(StagingApi api, String token, String jobId, Predicate<JsonNode> condition) {
		JsonNode[] last = new JsonNode[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
			last[0] = api.get("/api/v1/staging/jobs/" + jobId, token).body();
			return condition.test(last[0]);
		});
		return last[0];
	}

	public static JsonNode awaitFinished(StagingApi api, String token, String jobId) {
		return awaitJob(api, token, jobId,
				(job) -> job.path("status").asString("").matches("completed|failed|cancelled"));
	}

	public static boolean anyImage(JsonNode job, String status) {
		for (JsonNode image : job.path("images")) {
			if (image.path("status").asString("").equals(status)) {
				return true;
			}
		}
		return false;
	}

}
