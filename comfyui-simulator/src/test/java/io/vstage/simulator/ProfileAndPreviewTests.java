package io.vstage.simulator;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Version profiles (PROTOCOL.md section 8) and binary previews (section 6.3). */
class ProfileAndPreviewTests {

	@Test
	void newerProfileRequiresCanonicalUuidPromptIds() {
		try (ComfyUiSimulator sim = ComfyUiSimulator.builder().profile(Profile.NEWER).build().start()) {
			ComfyClient client = new ComfyClient(sim.baseUrl());
			HttpResponse<String> reply = client.post("/prompt", "{\"prompt\": "
					+ Graphs.loadAndSave(client.uploadRoom(), "newer") + ", \"prompt_id\": \"not-a-uuid\"}");
			assertThat(reply.statusCode()).isEqualTo(400);
			assertThat(ComfyClient.json(reply).path("error").path("type").asString()).isEqualTo("invalid_prompt_id");
		}
	}

	@Test
	void newerProfileReportsMissingNodeTypeAndChecksV3Combos() {
		try (ComfyUiSimulator sim = ComfyUiSimulator.builder().profile(Profile.NEWER).build().start()) {
			ComfyClient client = new ComfyClient(sim.baseUrl());
			ObjectNode unknown = Graphs.loadAndSave("x.png", "newer");
			Graphs.node(unknown, "5", "NoSuchNode");
			JsonNode error = ComfyClient.json(client.post("/prompt", "{\"prompt\": " + unknown + "}")).path("error");
			assertThat(error.path("type").asString()).isEqualTo("missing_node_type");
			assertThat(error.path("extra_info").path("node_id").asString()).isEqualTo("5");
			ObjectNode joger = Bindings.load("joger")
				.bind(java.util.Map.of("image", client.uploadRoom(), "upscale_model", "missing.pth"));
			JsonNode nodeErrors = ComfyClient.json(client.post("/prompt", "{\"prompt\": " + joger + "}"))
				.path("node_errors");
			assertThat(nodeErrors.path("143").path("errors").get(0).path("type").asString())
				.isEqualTo("value_not_in_list");
			client.post("/interrupt", "{}");
			assertThat(ComfyClient.json(client.get("/system_stats")).path("system").path("os").asString())
				.isEqualTo("linux");
			assertThat(ComfyClient.json(client.get("/features")).has("supports_model_type_tags")).isTrue();
		}
	}

	@Test
	void v0364KeepsAnyPromptIdVerbatim() {
		try (ComfyUiSimulator sim = ComfyUiSimulator.builder().build().start()) {
			ComfyClient client = new ComfyClient(sim.baseUrl());
			String body = "{\"prompt\": " + Graphs.loadAndSave(client.uploadRoom(), "old") + ", \"prompt_id\": null}";
			assertThat(ComfyClient.json(client.post("/prompt", body)).path("prompt_id").asString()).isEqualTo("None");
		}
	}

	@Test
	void previewsAreType1UnlessTheSocketNegotiatedMetadata() {
		try (ComfyUiSimulator sim = ComfyUiSimulator.builder()
			.previews(true)
			.stepDelay(Duration.ZERO)
			.build()
			.start()) {
			ComfyClient client = new ComfyClient(sim.baseUrl());
			String plainId = "plain-" + UUID.randomUUID();
			try (WsRecorder plain = client.connect(plainId)) {
				String promptId = client.queue(Graphs.sampler(client.uploadRoom(), 3, 2), plainId)
					.path("prompt_id")
					.asString();
				plain.awaitDone(promptId);
				assertThat(plain.binary).hasSize(2)
					.allSatisfy((frame) -> assertThat(ByteBuffer.wrap(frame).getInt()).isEqualTo(1));
			}
			String metaId = "meta-" + UUID.randomUUID();
			try (WsRecorder meta = client.connect(metaId)) {
				meta.sendText("{\"type\": \"feature_flags\", \"data\": {\"supports_preview_metadata\": true}}");
				await().until(() -> meta.messages.size() >= 2);
				String promptId = client.queue(Graphs.sampler(client.uploadRoom(), 4, 2), metaId)
					.path("prompt_id")
					.asString();
				meta.awaitDone(promptId);
				assertThat(meta.binary).hasSize(2)
					.allSatisfy((frame) -> assertThat(ByteBuffer.wrap(frame).getInt()).isEqualTo(4));
			}
		}
	}

	@Test
	void uploadLimitIsAnIntByDefaultAndAFloatWhenConfigured() {
		try (ComfyUiSimulator plain = ComfyUiSimulator.builder().build().start();
				ComfyUiSimulator configured = ComfyUiSimulator.builder().maxUploadBytes(209715200).build().start()) {
			JsonNode byDefault = ComfyClient.json(new ComfyClient(plain.baseUrl()).get("/features"))
				.path("max_upload_size");
			assertThat(byDefault.isIntegralNumber()).isTrue();
			assertThat(byDefault.asLong()).isEqualTo(104857600);
			JsonNode flagged = ComfyClient.json(new ComfyClient(configured.baseUrl()).get("/features"))
				.path("max_upload_size");
			assertThat(flagged.isFloatingPointNumber()).isTrue();
			assertThat(flagged.asDouble()).isEqualTo(209715200.0);
		}
	}

	@Test
	void systemStatsSaysTheEngineIsSimulated() {
		try (ComfyUiSimulator sim = ComfyUiSimulator.builder().build().start()) {
			JsonNode device = ComfyClient.json(new ComfyClient(sim.baseUrl()).get("/system_stats"))
				.path("devices")
				.get(0);
			assertThat(device.path("name").asString()).isEqualTo("Simulated CPU (vstage comfyui-simulator)");
		}
	}

}
