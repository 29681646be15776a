package io.vstage.staging.job;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.vstage.simulator.ComfyUiSimulator;
import io.vstage.staging.IntegrationTestSupport;
import io.vstage.staging.JobPolling;
import io.vstage.staging.KeyManagerStub;
import io.vstage.staging.TestEngines;
import io.vstage.staging.TestTokens;

import static io.vstage.staging.StagingApi.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Engine failures and faults: each must end in a job state with a reason, never a lost
 * job.
 */
class EngineFaultIntegrationTests extends IntegrationTestSupport {

	private static final String USER = TestTokens.user("fault-user");

	private final ComfyUiSimulator simulator = TestEngines.simulator();

	@AfterEach
	void resetSimulator() {
		TestEngines.reset(this.simulator);
	}

	@Test
	void missingModelFailsTheJobNamingNodeAndInput() throws Exception {
		List<String> checkpoints = engineList("/models/checkpoints");
		this.simulator.models("checkpoints", List.of("something-else.safetensors"));
		try {
			JsonNode job = submitAndFinish(fields("room_type", "bedroom", "style", "modern"));
			assertThat(job.path("status").asString()).isEqualTo("failed");
			assertThat(job.path("error").asString()).contains("CheckpointLoaderSimple")
				.contains("ckpt_name")
				.contains("juggernaut_reborn.safetensors");
		}
		finally {
			this.simulator.models("checkpoints", checkpoints);
		}
	}

	@Test
	void runtimeErrorFailsTheImageWithNodeTypeAndMessage() {
		this.simulator.faults().failNode("41", "torch.OutOfMemoryError", "CUDA out of memory");
		JsonNode job = submitAndFinish(fields("room_type", "bedroom", "style", "modern"));
		assertThat(job.path("status").asString()).isEqualTo("failed");
		assertThat(job.path("images").path(0).path("error").asString()).contains("node 41 (KSampler)")
			.contains("CUDA out of memory");
	}

	@Test
	void partlyFailedJobIsCompletedWithTheFailedImageMarked() {
		this.simulator.promptDuration(Duration.ofMillis(1500));
		this.simulator.faults().failNode("41");
		String id = submit(fields("room_type", "bedroom", "style", "modern", "num_images", 2));
		JobPolling.awaitJob(api(), USER, id, (job) -> JobPolling.anyImage(job, "failed"));
		this.simulator.faults().clear();
		JsonNode job = JobPolling.awaitFinished(api(), USER, id);
		assertThat(job.path("status").asString()).isEqualTo("completed");
		assertThat(job.path("images").valueStream().map((image) -> image.path("status").asString()))
			.containsExactlyInAnyOrder("failed", "done");
	}

	@Test
	void webSocketDropMidRunStillCompletesTheJob() {
		this.simulator.faults().dropWebSocketAtNode("41");
		JsonNode job = submitAndFinish(fields("room_type", "bedroom", "style", "modern", "num_images", 2));
		assertThat(job.path("status").asString()).isEqualTo("completed");
	}

	@Test
	void socketSilencedByTheReconnectHazardIsReconciledThroughPolling() {
		// PROTOCOL.md 6.1: the old socket's cleanup can unregister the new one, which
		// then hears nothing
		this.simulator.faults().reconnectHazard(true).dropWebSocketAtNode("41");
		JsonNode job = submitAndFinish(fields("room_type", "bedroom", "style", "modern", "num_images", 2));
		assertThat(job.path("status").asString()).isEqualTo("completed");
	}

	@Test
	void historyWrittenLateIsWaitedFor() {
		this.simulator.faults().delayHistoryWrite(Duration.ofSeconds(2));
		JsonNode job = submitAndFinish(fields("room_type", "bedroom", "style", "modern"));
		assertThat(job.path("status").asString()).isEqualTo("completed");
	}

	@Test
	void engineRestartMidJobRequeuesTheLostPrompts() {
		this.simulator.promptDuration(Duration.ofMillis(1500));
		String id = submit(fields("room_type", "bedroom", "style", "modern", "num_images", 3));
		JobPolling.awaitJob(api(), USER, id, (job) -> JobPolling.anyImage(job, "running"));
		this.simulator.restart();
		TestEngines.reset(this.simulator);
		JsonNode job = JobPolling.awaitFinished(api(), USER, id);
		assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
		assertThat(job.path("images").valueStream().map((image) -> image.path("status").asString()))
			.containsOnly("done");
	}

	@Test
	void cancelWhileRunningInterruptsAndEmptiesTheEngineQueue() throws Exception {
		this.simulator.promptDuration(Duration.ofSeconds(20));
		String id = submit(fields("room_type", "bedroom", "style", "modern", "num_images", 4));
		JobPolling.awaitJob(api(), USER, id, (job) -> JobPolling.anyImage(job, "running"));
		JsonNode cancelled = api().delete("/api/v1/staging/jobs/" + id, USER).body();
		assertThat(cancelled.path("status").asString()).isEqualTo("cancelled");
		assertThat(cancelled.path("images").valueStream().map((image) -> image.path("status").asString()))
			.containsOnly("cancelled");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode queue = engineJson("/queue");
			assertThat(queue.path("queue_running")).isEmpty();
			assertThat(queue.path("queue_pending")).isEmpty();
		});
	}

	@Test
	void cancelWhileQueuedNeverReachesTheEngineAndRefundsItsUnits() {
		this.simulator.promptDuration(Duration.ofSeconds(20));
		String first = submit(fields("room_type", "bedroom", "style", "modern", "num_images", 2));
		JobPolling.awaitJob(api(), USER, first, (job) -> JobPolling.anyImage(job, "running"));
		String reservation = java.util.UUID.randomUUID().toString();
		var reply = api().submit(TestTokens.userWithReservation("fault-user", reservation),
				fields("room_type", "bedroom", "style", "modern", "num_images", 3), TestImages.jpeg(320, 240));
		String second = reply.body().path("id").asString();
		JsonNode queued = api().get("/api/v1/staging/jobs/" + second, USER).body();
		assertThat(queued.path("status").asString()).isEqualTo("queued");
		assertThat(queued.path("queue_position").asInt()).isEqualTo(1);
		JsonNode cancelled = api().delete("/api/v1/staging/jobs/" + second, USER).body();
		assertThat(cancelled.path("status").asString()).isEqualTo("cancelled");
		api().delete("/api/v1/staging/jobs/" + first, USER);
		assertThat(api().get("/api/v1/staging/jobs/" + second, USER)
			.body()
			.path("images")
			.path(0)
			.path("status")
			.asString()).isEqualTo("cancelled");
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(TestEngines.keyManager().callsFor(reservation))
				.extracting(KeyManagerStub.Call::body)
				.containsExactly("{\"units\":3}"));
	}

	@Test
	void imagePastItsDeadlineIsStoppedAndFailed() throws Exception {
		this.simulator.promptDuration(Duration.ofSeconds(30));
		JsonNode job = submitAndFinish(fields("room_type", "bedroom", "style", "modern"));
		assertThat(job.path("status").asString()).isEqualTo("failed");
		assertThat(job.path("error").asString()).contains("did not finish within 6 s");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(engineJson("/queue").path("queue_running")).isEmpty());
	}

	private JsonNode submitAndFinish(java.util.Map<String, Object> form) {
		return JobPolling.awaitFinished(api(), USER, submit(form));
	}

	private String submit(java.util.Map<String, Object> form) {
		var reply = api().submit(USER, form, TestImages.jpeg(320, 240));
		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(202);
		return reply.body().path("id").asString();
	}

	private JsonNode engineJson(String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.simulator.baseUrl() + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		return JsonMapper.builder().build().readTree(response.body());
	}

	private List<String> engineList(String path) throws Exception {
		return engineJson(path).valueStream().map(JsonNode::asString).toList();
	}

}
