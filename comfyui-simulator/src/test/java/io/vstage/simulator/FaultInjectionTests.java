package io.vstage.simulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The fault hooks a client's resilience tests use (PROTOCOL.md, "Fault hooks"). */
class FaultInjectionTests {

	private ComfyUiSimulator sim;

	private ComfyClient client;

	@BeforeEach
	void start() {
		this.sim = ComfyUiSimulator.builder().stepDelay(Duration.ofMillis(2)).build().start();
		this.client = new ComfyClient(this.sim.baseUrl());
	}

	@AfterEach
	void stop() {
		this.sim.close();
	}

	@Test
	void droppedWebSocketDoesNotStopExecutionAndHistoryIsWritten() {
		this.sim.faults().dropWebSocketAtNode("7");
		String clientId = "drop-" + UUID.randomUUID();
		WsRecorder ws = this.client.connect(clientId);
		String promptId = queue(Graphs.sampler(this.client.uploadRoom(), 1, 20), clientId);
		await().until(ws::isClosed);
		await().until(() -> !history(promptId).isEmpty());
		assertThat(history(promptId).path("status").path("status_str").asString()).isEqualTo("success");
		assertThat(WsRecorder.types(ws.messages)).doesNotContain("execution_success");
	}

	@Test
	void delayedHistoryWriteLeavesHistoryEmptyAfterExecutionSuccess() {
		this.sim.faults().delayHistoryWrite(Duration.ofMillis(400));
		String clientId = "delay-" + UUID.randomUUID();
		try (WsRecorder ws = this.client.connect(clientId)) {
			String promptId = queue(Graphs.loadAndSave(this.client.uploadRoom(), "fault_delay"), clientId);
			await().until(() -> WsRecorder.types(ws.messages).contains("execution_success"));
			assertThat(history(promptId)).isEmpty();
			ws.awaitDone(promptId);
			assertThat(history(promptId).path("status").path("completed").asBoolean()).isTrue();
		}
	}

	@Test
	void failingAClassFailsEveryNodeOfIt() {
		this.sim.faults().failClass("VAEDecode");
		String clientId = "class-" + UUID.randomUUID();
		try (WsRecorder ws = this.client.connect(clientId)) {
			String promptId = queue(Graphs.sampler(this.client.uploadRoom(), 5, 2), clientId);
			ws.awaitDone(promptId);
			JsonNode error = ws.messages.stream()
				.filter((m) -> m.path("type").asString().equals("execution_error"))
				.findFirst()
				.orElseThrow();
			assertThat(error.path("data").path("node_id").asString()).isEqualTo("8");
		}
	}

	@Test
	void slowNodesAndFixedPromptDurationShowInTheTimings() {
		this.sim.faults().slowNodes(Duration.ofMillis(30));
		String slow = queue(Graphs.loadAndSave(this.client.uploadRoom(), "fault_slow"), null);
		await().until(() -> this.sim.timing(slow).isPresent());
		assertThat(this.sim.timing(slow).orElseThrow().runTime()).isGreaterThanOrEqualTo(Duration.ofMillis(60));
		this.sim.faults().clear();
		this.sim.promptDuration(Duration.ofMillis(300));
		String fixed = queue(Graphs.sampler(this.client.uploadRoom(), 9, 10), null);
		await().until(() -> this.sim.timing(fixed).isPresent());
		PromptTiming timing = this.sim.timing(fixed).orElseThrow();
		assertThat(timing.runTime()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(timing.queuedAt()).isBeforeOrEqualTo(timing.startedAt());
		assertThat(timing.outcome()).isEqualTo("success");
	}

	@Test
	void restartLosesHistoryAndQueueButKeepsOutputs() {
		String promptId = queue(Graphs.loadAndSave(this.client.uploadRoom(), "fault_restart"), null);
		await().until(() -> !history(promptId).isEmpty());
		JsonNode image = history(promptId).path("outputs").path("9").path("images").get(0);
		int port = this.sim.port();
		this.sim.restart();
		assertThat(this.sim.port()).isEqualTo(port);
		assertThat(history(promptId)).isEmpty();
		assertThat(ComfyClient.json(this.client.get("/queue")).path("queue_pending")).isEmpty();
		HttpResponse<byte[]> file = this.client
			.getBytes("/view?filename=" + image.path("filename").asString() + "&type=output");
		assertThat(file.statusCode()).isEqualTo(200);
	}

	@Test
	void reconnectHazardSilencesTheNewSocketWhenTheOldOneCloses() {
		this.sim.faults().reconnectHazard(true);
		String clientId = "hazard-" + UUID.randomUUID();
		WsRecorder old = this.client.connect(clientId);
		try (WsRecorder fresh = this.client.connect(clientId)) {
			old.close();
			String promptId = queue(Graphs.loadAndSave(this.client.uploadRoom(), "fault_hazard"), clientId);
			await().until(() -> !history(promptId).isEmpty());
			assertThat(fresh.messages).hasSize(1);
		}
	}

	@Test
	void withoutTheHazardTheNewSocketKeepsReceiving() {
		String clientId = "nohazard-" + UUID.randomUUID();
		WsRecorder old = this.client.connect(clientId);
		try (WsRecorder fresh = this.client.connect(clientId)) {
			old.close();
			String promptId = queue(Graphs.loadAndSave(this.client.uploadRoom(), "fault_nohazard"), clientId);
			fresh.awaitDone(promptId);
		}
	}

	private String queue(tools.jackson.databind.node.ObjectNode prompt, String clientId) {
		return this.client.queue(prompt, clientId).path("prompt_id").asString();
	}

	private JsonNode history(String promptId) {
		return ComfyClient.json(this.client.get("/history/" + promptId)).path(promptId);
	}

}
