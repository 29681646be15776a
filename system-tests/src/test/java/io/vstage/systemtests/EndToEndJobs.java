package io.vstage.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Submitting a job over REST and following it to its end, as a client script would. */
final class EndToEndJobs {

	static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled");

	private EndToEndJobs() {
	}

	/** Submits a job with one photo and polls it until it ends (60 s at most). */
	static JsonNode stageAndAwait(SuiteApi api, String key, Path photo, int images) {
		SuiteApi.Answer submitted = api.submitJob(key, photo, images);
		assertThat(submitted.status()).as("submit answered %s", submitted).isIn(200, 201, 202);
		return awaitEnd(api, key, submitted.body().get("id").asString(), Duration.ofSeconds(60));
	}

	/** Polls a job until it reaches a terminal state, and answers its last view. */
	static JsonNode awaitEnd(SuiteApi api, String key, String jobId, Duration atMost) {
		AtomicReference<JsonNode> last = new AtomicReference<>();
		Awaitility.await("job " + jobId + " ends").atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
			SuiteApi.Answer answer = api.json("GET", "/api/v1/staging/jobs/" + jobId, key, null);
			assertThat(answer.status()).as("job view %s", answer).isEqualTo(200);
			last.set(answer.body());
			return TERMINAL.contains(answer.body().get("status").asString());
		});
		return last.get();
	}

	static HttpResponse<String> send(HttpClient http, HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
