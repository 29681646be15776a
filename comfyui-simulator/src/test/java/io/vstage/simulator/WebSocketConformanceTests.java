package io.vstage.simulator;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PROTOCOL.md section 6: the WebSocket handshake, routing and message order of every
 * sequence.
 */
class WebSocketConformanceTests extends ConformanceSupport {

	@Test
	void connectingSendsStatusWithTheGivenClientIdAsSid() {
		try (WsRecorder ws = client.connect("conf-client-1")) {
			JsonNode first = ws.first();
			assertThat(first.path("type").asString()).isEqualTo("status");
			assertThat(first.path("data").path("sid").asString()).isEqualTo("conf-client-1");
			assertThat(first.path("data").path("status").path("exec_info").path("queue_remaining").isInt()).isTrue();
		}
	}

	@Test
	void connectingWithoutClientIdGetsA32HexSid() {
		try (WsRecorder ws = client.connect(null)) {
			assertThat(ws.first().path("data").path("sid").asString()).matches("[0-9a-f]{32}");
		}
	}

	@Test
	void featureFlagsAsFirstMessageAreAnsweredWithServerFlags() {
		try (WsRecorder ws = client.connect("conf-flags")) {
			ws.sendText("{\"type\": \"feature_flags\", \"data\": {\"supports_preview_metadata\": true}}");
			org.awaitility.Awaitility.await().until(() -> ws.messages.size() >= 2);
			JsonNode reply = ws.messages.get(1);
			assertThat(reply.path("type").asString()).isEqualTo("feature_flags");
			assertThat(reply.path("data").path("max_upload_size").isNumber()).isTrue();
		}
	}

	@Test
	void normalRunSendsTheDocumentedSequence() {
		String clientId = "conf-" + UUID.randomUUID();
		try (WsRecorder ws = client.connect(clientId)) {
			String promptId = client.queue(Graphs.loadAndSave(client.uploadRoom(), "conf_normal"), clientId)
				.path("prompt_id")
				.asString();
			ws.awaitDone(promptId);
			List<JsonNode> seq = ws.messages.subList(1, ws.messages.size());
			assertThat(WsRecorder.types(seq)).containsExactly("status", "status", "execution_start", "execution_cached",
					"progress_state", "executing", "progress_state", "progress_state", "executing", "executed",
					"progress_state", "execution_success", "status", "executing");
			assertThat(seq.get(0).path("data").path("status").path("exec_info").path("queue_remaining").asInt())
				.isEqualTo(1);
			assertThat(seq.get(3).path("data").path("nodes")).isEmpty();
			assertThat(seq.get(5).path("data").path("node").asString()).isEqualTo("10");
			assertThat(seq.get(5).path("data").path("display_node").asString()).isEqualTo("10");
			JsonNode executed = seq.get(9).path("data");
			assertThat(executed.path("node").asString()).isEqualTo("9");
			assertThat(executed.path("output").path("images").get(0).path("filename").asString())
				.matches("conf_normal_\\d{5}_\\.png");
			assertThat(seq.get(11).path("data").path("timestamp").isNumber()).isTrue();
			assertThat(seq.get(12).path("data").path("status").path("exec_info").path("queue_remaining").asInt())
				.isZero();
			assertThat(seq.get(13).path("data").path("node").isNull()).isTrue();
			JsonNode history = ComfyClient.json(client.get("/history/" + promptId)).path(promptId);
			assertThat(history.path("status").path("status_str").asString()).isEqualTo("success");
		}
	}

	@Test
	void samplerNodesTickProgressOncePerStep() {
		String clientId = "conf-" + UUID.randomUUID();
		try (WsRecorder ws = client.connect(clientId)) {
			String promptId = client.queue(Graphs.sampler(client.uploadRoom(), 42, 5), clientId)
				.path("prompt_id")
				.asString();
			ws.awaitDone(promptId);
			List<JsonNode> progress = ws.messages.stream()
				.filter((m) -> m.path("type").asString().equals("progress"))
				.toList();
			assertThat(progress).extracting((m) -> m.path("data").path("value").asInt()).containsExactly(1, 2, 3, 4, 5);
			assertThat(progress).allSatisfy((m) -> {
				assertThat(m.path("data").path("max").asInt()).isEqualTo(5);
				assertThat(m.path("data").path("node").asString()).isEqualTo("7");
				assertThat(m.path("data").path("prompt_id").asString()).isEqualTo(promptId);
			});
		}
	}

	@Test
	void identicalRerunIsFullyCachedAndRepeatsTheSameFiles() {
		String clientId = "conf-" + UUID.randomUUID();
		String image = client.uploadRoom();
		try (WsRecorder ws = client.connect(clientId)) {
			String first = client.queue(Graphs.loadAndSave(image, "conf_cached"), clientId)
				.path("prompt_id")
				.asString();
			ws.awaitDone(first);
			int start = ws.messages.size();
			String second = client.queue(Graphs.loadAndSave(image, "conf_cached"), clientId)
				.path("prompt_id")
				.asString();
			ws.awaitDone(second);
			List<JsonNode> seq = ws.messages.subList(start, ws.messages.size());
			assertThat(WsRecorder.types(seq)).containsExactly("status", "status", "execution_start", "execution_cached",
					"executed", "progress_state", "execution_success", "status", "executing");
			assertThat(seq.get(3).path("data").path("nodes")).extracting(JsonNode::asString).containsExactly("10", "9");
			JsonNode firstOutputs = ComfyClient.json(client.get("/history/" + first)).path(first).path("outputs");
			JsonNode secondOutputs = ComfyClient.json(client.get("/history/" + second)).path(second).path("outputs");
			assertThat(secondOutputs).isEqualTo(firstOutputs);
		}
	}

	@Test
	void validationFailureSendsNoWebSocketTraffic() {
		String clientId = "conf-" + UUID.randomUUID();
		try (WsRecorder ws = client.connect(clientId)) {
			var reply = client.post("/prompt", "{\"prompt\": " + Graphs.loadAndSave("missing-file.png", "x")
					+ ", \"client_id\": \"" + clientId + "\"}");
			assertThat(reply.statusCode()).isEqualTo(400);
			String probe = client.queue(Graphs.loadAndSave(client.uploadRoom(), "conf_probe"), clientId)
				.path("prompt_id")
				.asString();
			ws.awaitDone(probe);
			assertThat(ws.messages.get(1).path("type").asString()).isEqualTo("status");
			assertThat(ws.messages.get(1).path("data").path("status").path("exec_info").path("queue_remaining").asInt())
				.isEqualTo(1);
		}
	}

	@Test
	void severalPromptsEachEndWithExecutingNullBeforeTheNextStarts() {
		String clientId = "conf-" + UUID.randomUUID();
		String image = client.uploadRoom();
		try (WsRecorder ws = client.connect(clientId)) {
			String a = client.queue(Graphs.loadAndSave(image, "conf_several_a"), clientId).path("prompt_id").asString();
			String b = client.queue(Graphs.loadAndSave(image, "conf_several_b"), clientId).path("prompt_id").asString();
			ws.awaitDone(b);
			int doneA = indexOf(ws.messages, (m) -> WsRecorder.isDone(m, a));
			int startB = indexOf(ws.messages, (m) -> m.path("type").asString().equals("execution_start")
					&& m.path("data").path("prompt_id").asString().equals(b));
			assertThat(doneA).isPositive().isLessThan(startB);
			assertThat(ws.messages.get(startB - 1).path("type").asString()).isEqualTo("status");
		}
	}

	@Test
	void withoutClientIdOnlyProgressAndStatusAreBroadcast() {
		try (WsRecorder ws = client.connect("conf-watcher-" + UUID.randomUUID())) {
			JsonNode reply = client.queue(Graphs.sampler(client.uploadRoom(), 7, 3), null);
			String promptId = reply.path("prompt_id").asString();
			org.awaitility.Awaitility.await()
				.until(() -> !ComfyClient.json(client.get("/history/" + promptId)).isEmpty());
			org.awaitility.Awaitility.await()
				.until(() -> ws.messages.stream()
					.filter((m) -> m.path("type").asString().equals("status"))
					.count() >= 4);
			assertThat(WsRecorder.types(ws.messages)).doesNotContain("execution_start", "execution_cached", "executing",
					"executed", "execution_success");
			assertThat(WsRecorder.types(ws.messages)).contains("progress", "progress_state");
			JsonNode history = ComfyClient.json(client.get("/history/" + promptId)).path(promptId);
			assertThat(history.path("status").path("messages").get(0).get(0).asString()).isEqualTo("execution_start");
		}
	}

	@Test
	void reconnectingWithTheSameIdGetsStatusAgain() {
		String clientId = "conf-" + UUID.randomUUID();
		try (WsRecorder first = client.connect(clientId)) {
			assertThat(first.first().path("data").path("sid").asString()).isEqualTo(clientId);
		}
		try (WsRecorder again = client.connect(clientId)) {
			assertThat(again.first().path("data").path("sid").asString()).isEqualTo(clientId);
			String promptId = client.queue(Graphs.loadAndSave(client.uploadRoom(), "conf_reconnect"), clientId)
				.path("prompt_id")
				.asString();
			again.awaitDone(promptId);
		}
	}

	@Test
	void reconnectingDuringARunAnnouncesTheRunningNodeWithoutPromptId() {
		String clientId = "conf-" + UUID.randomUUID();
		WsRecorder first = client.connect(clientId);
		String promptId = client.queue(Graphs.sampler(client.uploadRoom(), 21, 5000), clientId)
			.path("prompt_id")
			.asString();
		org.awaitility.Awaitility.await()
			.until(() -> first.messages.stream().anyMatch((m) -> m.path("type").asString().equals("progress")));
		first.close();
		try (WsRecorder again = client.connect(clientId)) {
			org.awaitility.Awaitility.await().until(() -> again.messages.size() >= 2);
			JsonNode executing = again.messages.get(1);
			assertThat(executing.path("type").asString()).isEqualTo("executing");
			assertThat(executing.path("data").path("node").asString()).isEqualTo("7");
			assertThat(executing.path("data").has("prompt_id")).isFalse();
			client.post("/interrupt", "{}");
			again.awaitDone(promptId);
		}
	}

	@Test
	void progressStateListsStartedNodesWithTheirState() {
		String clientId = "conf-" + UUID.randomUUID();
		try (WsRecorder ws = client.connect(clientId)) {
			String promptId = client.queue(Graphs.loadAndSave(client.uploadRoom(), "conf_state"), clientId)
				.path("prompt_id")
				.asString();
			ws.awaitDone(promptId);
			List<JsonNode> states = ws.messages.stream()
				.filter((m) -> m.path("type").asString().equals("progress_state"))
				.toList();
			JsonNode firstNode = states.get(0).path("data").path("nodes").path("10");
			assertThat(firstNode.propertyNames()).contains("value", "max", "state", "node_id", "prompt_id",
					"display_node_id", "parent_node_id", "real_node_id");
			assertThat(firstNode.path("state").asString()).isEqualTo("running");
			JsonNode last = states.get(states.size() - 1).path("data").path("nodes");
			assertThat(last.propertyNames()).containsExactlyInAnyOrder("10", "9");
			assertThat(last.path("9").path("state").asString()).isEqualTo("finished");
		}
	}

	@Test
	void executionMessagesGoOnlyToTheSubmitter() {
		String a = "conf-a-" + UUID.randomUUID();
		String b = "conf-b-" + UUID.randomUUID();
		String image = client.uploadRoom();
		try (WsRecorder wsA = client.connect(a); WsRecorder wsB = client.connect(b)) {
			List<String> idsA = new java.util.ArrayList<>();
			List<String> idsB = new java.util.ArrayList<>();
			for (int i = 0; i < 4; i++) {
				idsA.add(client.queue(Graphs.sampler(image, 100 + i, 2), a).path("prompt_id").asString());
				idsB.add(client.queue(Graphs.sampler(image, 200 + i, 2), b).path("prompt_id").asString());
			}
			idsA.forEach(wsA::awaitDone);
			idsB.forEach(wsB::awaitDone);
			assertThat(promptIds(wsA)).containsExactlyInAnyOrderElementsOf(idsA);
			assertThat(promptIds(wsB)).containsExactlyInAnyOrderElementsOf(idsB);
		}
	}

	private static java.util.Set<String> promptIds(WsRecorder ws) {
		return ws.messages.stream()
			.filter((m) -> !m.path("type").asString().equals("status"))
			.map((m) -> m.path("data").path("prompt_id").asString(""))
			.filter((id) -> !id.isEmpty())
			.collect(java.util.stream.Collectors.toSet());
	}

	static int indexOf(List<JsonNode> messages, java.util.function.Predicate<JsonNode> test) {
		for (int i = 0; i < messages.size(); i++) {
			if (test.test(messages.get(i))) {
				return i;
			}
		}
		return -1;
	}

}
