package io.vstage.simulator;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** PROTOCOL.md section 5: queue, interrupt and introspection endpoints. */
class QueueAndInfoConformanceTests extends ConformanceSupport {

	@Test
	void queueListsRunningAndPendingAsFiveElementArrays() {
		String clientId = "queue-" + UUID.randomUUID();
		try (WsRecorder ws = client.connect(clientId)) {
			String image = client.uploadRoom();
			String slow = client.queue(Graphs.sampler(image, 11, 3000), clientId).path("prompt_id").asString();
			String waiting = client.queue(Graphs.loadAndSave(image, "conf_queue"), clientId)
				.path("prompt_id")
				.asString();
			org.awaitility.Awaitility.await()
				.until(() -> ComfyClient.json(client.get("/queue")).path("queue_running").size() == 1);
			JsonNode queue = ComfyClient.json(client.get("/queue"));
			assertThat(queue.path("queue_running").get(0).size()).isEqualTo(5);
			assertThat(queue.path("queue_running").get(0).get(1).asString()).isEqualTo(slow);
			assertThat(queue.path("queue_pending").get(0).get(1).asString()).isEqualTo(waiting);
			assertThat(ComfyClient.json(client.get("/prompt")).path("exec_info").path("queue_remaining").asInt())
				.isEqualTo(2);
			assertThat(client.post("/queue", "{\"delete\": [\"" + waiting + "\"]}").statusCode()).isEqualTo(200);
			assertThat(ComfyClient.json(client.get("/queue")).path("queue_pending")).isEmpty();
			client.post("/interrupt", "{}");
			ws.awaitDone(slow);
			assertThat(ComfyClient.json(client.get("/history/" + waiting))).isEmpty();
		}
	}

	@Test
	void queueEditWithEmptyBodyIsA500() {
		assertThat(client.post("/queue", "").statusCode()).isEqualTo(500);
	}

	@Test
	void objectInfoDescribesClassesAndUnknownClassIsEmpty() {
		JsonNode all = ComfyClient.json(client.get("/object_info"));
		assertThat(all.propertyNames()).contains("KSampler", "LoadImage", "SaveImage", "CheckpointLoaderSimple");
		JsonNode ksampler = ComfyClient.json(client.get("/object_info/KSampler")).path("KSampler");
		assertThat(ksampler.path("input").path("required").path("seed").get(1).path("max").bigIntegerValue())
			.isEqualTo(new java.math.BigInteger("18446744073709551615"));
		assertThat(ksampler.path("output")).extracting(JsonNode::asString).containsExactly("LATENT");
		assertThat(ComfyClient.json(client.get("/object_info/NoSuchClass"))).isEmpty();
		JsonNode checkpoints = ComfyClient.json(client.get("/models/checkpoints"));
		assertThat(all.path("CheckpointLoaderSimple").path("input").path("required").path("ckpt_name").get(0))
			.isEqualTo(checkpoints);
	}

	@Test
	void modelFoldersListAndUnknownFolderIsEmpty404() {
		assertThat(ComfyClient.json(client.get("/models"))).extracting(JsonNode::asString)
			.contains("checkpoints", "controlnet", "upscale_models", "clip_vision");
		assertThat(ComfyClient.json(client.get("/models/checkpoints")).isArray()).isTrue();
		HttpResponse<String> unknown = client.get("/models/unet");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).isEmpty();
	}

	@Test
	void systemStatsAndFeaturesHaveTheirKeys() {
		JsonNode stats = ComfyClient.json(client.get("/system_stats"));
		assertThat(stats.path("system").propertyNames()).contains("os", "ram_total", "ram_free", "comfyui_version",
				"python_version", "pytorch_version", "embedded_python", "argv");
		assertThat(stats.path("devices").get(0).propertyNames()).contains("name", "type", "index", "vram_total",
				"vram_free", "torch_vram_total", "torch_vram_free");
		JsonNode features = ComfyClient.json(client.get("/features"));
		assertThat(features.path("supports_preview_metadata").asBoolean()).isTrue();
		assertThat(features.path("max_upload_size").isNumber()).isTrue();
	}

}
