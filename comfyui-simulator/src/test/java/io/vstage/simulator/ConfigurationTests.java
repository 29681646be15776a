package io.vstage.simulator;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Model lists, extra catalogues, CORS mode and combo encodings as configured. */
class ConfigurationTests {

	@TempDir
	Path dir;

	@Test
	void modelsDirectoryAndExplicitListsFeedModelsAndObjectInfo() throws Exception {
		Files.createDirectories(this.dir.resolve("models/checkpoints/sdxl"));
		Files.writeString(this.dir.resolve("models/checkpoints/sdxl/base.safetensors"), "x");
		Files.writeString(this.dir.resolve("models/checkpoints/a.ckpt"), "x");
		try (ComfyUiSimulator sim = ComfyUiSimulator.builder()
			.modelsDir(this.dir.resolve("models"))
			.models("controlnet", List.of("depth.safetensors"))
			.build()
			.start()) {
			ComfyClient client = new ComfyClient(sim.baseUrl());
			assertThat(ComfyClient.json(client.get("/models/checkpoints"))).extracting(JsonNode::asString)
				.containsExactly("a.ckpt", "sdxl/base.safetensors");
			JsonNode info = ComfyClient.json(client.get("/object_info/ControlNetLoader"));
			assertThat(info.path("ControlNetLoader").path("input").path("required").path("control_net_name").get(0))
				.extracting(JsonNode::asString)
				.containsExactly("depth.safetensors");
		}
	}

	@Test
	void loadImageOptionsAreTheInputFolderImages() {
		try (ComfyUiSimulator sim = ComfyUiSimulator.builder().build().start()) {
			ComfyClient client = new ComfyClient(sim.baseUrl());
			String name = client.uploadRoom();
			client.upload("notes.txt", "text".getBytes(), java.util.Map.of());
			JsonNode options = ComfyClient.json(client.get("/object_info/LoadImage"))
				.path("LoadImage")
				.path("input")
				.path("required")
				.path("image");
			assertThat(options.get(0)).extracting(JsonNode::asString).containsExactly(name);
			assertThat(options.get(1).path("image_upload").asBoolean()).isTrue();
		}
	}

	@Test
	void extraCatalogueAddsNodeClasses() throws Exception {
		Path extra = this.dir.resolve("extra.json");
		Files.writeString(extra, """
				{"MyNode": {"input": {"required": {"image": ["IMAGE"]}}, "input_order": {"required": ["image"]},
				 "output": ["IMAGE"], "output_is_list": [false], "output_name": ["IMAGE"], "name": "MyNode",
				 "display_name": "My Node", "description": "", "python_module": "custom_nodes.mine",
				 "category": "image", "output_node": false}}
				""");
		try (ComfyUiSimulator sim = ComfyUiSimulator.builder().extraCatalog(extra).build().start()) {
			ComfyClient client = new ComfyClient(sim.baseUrl());
			assertThat(ComfyClient.json(client.get("/object_info")).has("MyNode")).isTrue();
			assertThat(ComfyClient.json(client.get("/object_info")).has("KSampler")).isTrue();
		}
	}

	@Test
	void v3CombosUseTheComboFormUnlessClassicIsAsked() {
		try (ComfyUiSimulator real = ComfyUiSimulator.builder().build().start();
				ComfyUiSimulator classic = ComfyUiSimulator.builder().classicComboForm().build().start()) {
			JsonNode v3 = modelName(new ComfyClient(real.baseUrl()));
			assertThat(v3.get(0).asString()).isEqualTo("COMBO");
			assertThat(v3.get(1).path("options")).extracting(JsonNode::asString).containsExactly("4x-UltraSharp.pth");
			assertThat(modelName(new ComfyClient(classic.baseUrl())).get(0).isArray()).isTrue();
		}
	}

	@Test
	void corsModeAnswersOptionsAndSkipsTheOriginCheck() {
		try (ComfyUiSimulator sim = ComfyUiSimulator.builder().corsOrigin("*").build().start()) {
			ComfyClient client = new ComfyClient(sim.baseUrl());
			HttpResponse<String> options = client.send(HttpRequest.newBuilder(sim.baseUrl().resolve("/prompt"))
				.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
			assertThat(options.statusCode()).isEqualTo(200);
			assertThat(options.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
			HttpResponse<String> foreign = client.send(HttpRequest.newBuilder(sim.baseUrl().resolve("/system_stats"))
				.header("Origin", "http://elsewhere.example"));
			assertThat(foreign.statusCode()).isEqualTo(200);
		}
	}

	private static JsonNode modelName(ComfyClient client) {
		return ComfyClient.json(client.get("/object_info/UpscaleModelLoader"))
			.path("UpscaleModelLoader")
			.path("input")
			.path("required")
			.path("model_name");
	}

}
