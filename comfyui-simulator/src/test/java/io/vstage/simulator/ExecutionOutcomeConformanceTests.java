package io.vstage.simulator;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PROTOCOL.md sections 6.5 and 3.1: runtime error and interrupt, on the socket and in
 * history.
 */
class ExecutionOutcomeConformanceTests extends ConformanceSupport {

	@Test
	void runtimeErrorEndsWithExecutionErrorThenStatusThenExecutingNull() {
		assumeSimulator();
		sim.faults().failNode("7", "torch.OutOfMemoryError", "Allocation on device failed");
		String clientId = "conf-" + UUID.randomUUID();
		try (WsRecorder ws = client.connect(clientId)) {
			String promptId = client.queue(Graphs.sampler(client.uploadRoom(), 1, 3), clientId)
				.path("prompt_id")
				.asString();
			ws.awaitDone(promptId);
			List<String> types = WsRecorder.types(ws.messages);
			assertThat(types).doesNotContain("execution_success");
			assertThat(types.subList(types.size() - 3, types.size())).containsExactly("execution_error", "status",
					"executing");
			JsonNode error = ws.messages.get(types.size() - 3).path("data");
			assertThat(error.propertyNames()).containsExactly("prompt_id", "node_id", "node_type", "executed",
					"exception_message", "exception_type", "traceback", "current_inputs", "current_outputs",
					"timestamp");
			assertThat(error.path("node_id").asString()).isEqualTo("7");
			assertThat(error.path("node_type").asString()).isEqualTo("KSampler");
			assertThat(error.path("exception_type").asString()).isEqualTo("torch.OutOfMemoryError");
			assertThat(error.path("exception_message").asString()).endsWith("\n");
			assertThat(error.path("current_inputs").path("steps").get(0).asInt()).isEqualTo(3);
			// cached upstream nodes (from earlier prompts) are never staged, so only the
			// rest count as executed
			assertThat(error.path("executed")).extracting(JsonNode::asString).contains("2", "4").doesNotContain("7");
			JsonNode status = ComfyClient.json(client.get("/history/" + promptId)).path(promptId).path("status");
			assertThat(status.path("status_str").asString()).isEqualTo("error");
			assertThat(status.path("completed").asBoolean()).isFalse();
			JsonNode last = status.path("messages").get(status.path("messages").size() - 1);
			assertThat(last.get(0).asString()).isEqualTo("execution_error");
		}
		finally {
			sim.faults().clear();
		}
	}

	@Test
	void interruptDuringSamplingEndsWithExecutionInterrupted() {
		String clientId = "conf-" + UUID.randomUUID();
		try (WsRecorder ws = client.connect(clientId)) {
			String promptId = client.queue(Graphs.sampler(client.uploadRoom(), 2, 5000), clientId)
				.path("prompt_id")
				.asString();
			await().until(() -> ws.messages.stream().anyMatch((m) -> m.path("type").asString().equals("progress")));
			assertThat(client.post("/interrupt", "{\"prompt_id\": \"" + promptId + "\"}").statusCode()).isEqualTo(200);
			ws.awaitDone(promptId);
			List<String> types = WsRecorder.types(ws.messages);
			assertThat(types.subList(types.size() - 3, types.size())).containsExactly("execution_interrupted", "status",
					"executing");
			JsonNode interrupted = ws.messages.get(types.size() - 3).path("data");
			assertThat(interrupted.path("node_id").asString()).isEqualTo("7");
			assertThat(interrupted.path("node_type").asString()).isEqualTo("KSampler");
			assertThat(interrupted.has("executed")).isTrue();
			JsonNode status = ComfyClient.json(client.get("/history/" + promptId)).path(promptId).path("status");
			assertThat(status.path("status_str").asString()).isEqualTo("error");
			JsonNode last = status.path("messages").get(status.path("messages").size() - 1);
			assertThat(last.get(0).asString()).isEqualTo("execution_interrupted");
			long progressTicks = types.stream().filter("progress"::equals).count();
			assertThat(progressTicks).isLessThan(5000);
		}
	}

	@Test
	void interruptForAnotherPromptIdIsANoOp() {
		String clientId = "conf-" + UUID.randomUUID();
		try (WsRecorder ws = client.connect(clientId)) {
			String promptId = client.queue(Graphs.sampler(client.uploadRoom(), 3, 20), clientId)
				.path("prompt_id")
				.asString();
			assertThat(client.post("/interrupt", "{\"prompt_id\": \"" + UUID.randomUUID() + "\"}").statusCode())
				.isEqualTo(200);
			ws.awaitDone(promptId);
			assertThat(WsRecorder.types(ws.messages)).contains("execution_success")
				.doesNotContain("execution_interrupted");
		}
	}

	@Test
	void interruptWhileIdleDoesNotAffectTheNextPrompt() {
		assertThat(client.post("/interrupt", "").statusCode()).isEqualTo(200);
		String clientId = "conf-" + UUID.randomUUID();
		try (WsRecorder ws = client.connect(clientId)) {
			String promptId = client.queue(Graphs.sampler(client.uploadRoom(), 4, 3), clientId)
				.path("prompt_id")
				.asString();
			ws.awaitDone(promptId);
			assertThat(WsRecorder.types(ws.messages)).contains("execution_success");
		}
	}

	@Test
	void undecodableInputFailsAtRunTimeLikePillow() {
		String clientId = "conf-" + UUID.randomUUID();
		String name = ComfyClient
			.json(client.upload("not-an-image-" + UUID.randomUUID() + ".png", "plain text".getBytes(),
					java.util.Map.of()))
			.path("name")
			.asString();
		try (WsRecorder ws = client.connect(clientId)) {
			String promptId = client.queue(Graphs.loadAndSave(name, "conf_broken"), clientId)
				.path("prompt_id")
				.asString();
			ws.awaitDone(promptId);
			JsonNode error = ws.messages.stream()
				.filter((m) -> m.path("type").asString().equals("execution_error"))
				.findFirst()
				.orElseThrow()
				.path("data");
			assertThat(error.path("exception_type").asString()).isEqualTo("PIL.UnidentifiedImageError");
			assertThat(error.path("node_id").asString()).isEqualTo("10");
		}
	}

}
