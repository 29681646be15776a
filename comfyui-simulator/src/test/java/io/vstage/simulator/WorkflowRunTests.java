package io.vstage.simulator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import io.vstage.testsupport.Fixtures;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The project's workflows (and the first version's) validate and run to one output image.
 */
class WorkflowRunTests {

	static ComfyUiSimulator sim;

	static ComfyClient client;

	@BeforeAll
	static void start() {
		sim = ComfyUiSimulator.builder().stepDelay(Duration.ZERO).build().start();
		client = new ComfyClient(sim.baseUrl());
	}

	@AfterAll
	static void stop() {
		sim.close();
	}

	static List<String> indexedWorkflows() {
		return Bindings.all().stream().map(Bindings.Loaded::id).toList();
	}

	@ParameterizedTest
	@MethodSource("indexedWorkflows")
	void everyIndexedWorkflowRunsToOneImageAtItsBoundOutputNode(String id) {
		assertRunsToOneImage(Bindings.load(id), Bindings.load(id).workflow());
	}

	@Test
	void theFirstVersionsJogerRunsWithTheJogerBinding() throws Exception {
		ObjectNode original = (ObjectNode) ComfyClient.JSON.readTree(Fixtures.bytes(Fixtures.ORIGINAL_JOGER));
		Bindings.Loaded binding = Bindings.validate("joger.original", Bindings.load("joger").binding(), original);
		assertRunsToOneImage(binding, original);
	}

	@Test
	void unknownClassIsInvalidPrompt() {
		ObjectNode prompt = bound("joger");
		((ObjectNode) prompt.path("262")).put("class_type", "CM_NearestSDXLResolutionX");
		JsonNode body = ComfyClient.json(client.post("/prompt", "{\"prompt\": " + prompt + "}"));
		assertThat(body.path("error").path("type").asString()).isEqualTo("invalid_prompt");
		assertThat(body.path("error").path("message").asString())
			.isEqualTo("Cannot execute because node CM_NearestSDXLResolutionX does not exist.");
	}

	@Test
	void missingModelIsValueNotInListOnItsLoader() {
		ObjectNode prompt = Bindings.load("img2img-basic")
			.bind(Map.of("image", client.uploadRoom(), "checkpoint", "sd_xl_base_1.0.safetensors"));
		HttpResponse<String> reply = client.post("/prompt", "{\"prompt\": " + prompt + "}");
		assertThat(reply.statusCode()).isEqualTo(400);
		JsonNode error = ComfyClient.json(reply).path("node_errors").path("1").path("errors").get(0);
		assertThat(error.path("type").asString()).isEqualTo("value_not_in_list");
		assertThat(error.path("details").asString()).startsWith("ckpt_name: 'sd_xl_base_1.0.safetensors' not in [");
	}

	@Test
	void missingModelInJogerLeavesOnlyTheOutputsThatDoNotNeedIt() {
		ObjectNode prompt = Bindings.load("joger")
			.bind(Map.of("image", client.uploadRoom(), "upscale_model", "4x-missing.pth", "checkpoint",
					"missing.safetensors"));
		JsonNode body = ComfyClient.json(client.post("/prompt", "{\"prompt\": " + prompt + "}"));
		JsonNode loader = body.path("node_errors").path("3");
		assertThat(loader.path("errors").get(0).path("type").asString()).isEqualTo("value_not_in_list");
		assertThat(loader.path("dependent_outputs")).extracting(JsonNode::asString).contains("159");
		assertThat(body.path("node_errors").has("143")).as("v0.3.64 does not check V3 combos").isFalse();
		client.post("/interrupt", "{}");
	}

	@Test
	void badLinkIsExceptionDuringInnerValidation() {
		ObjectNode prompt = bound("img2img-basic");
		Graphs.link((ObjectNode) prompt.path("7").path("inputs"), "model", "99", 0);
		JsonNode error = ComfyClient.json(client.post("/prompt", "{\"prompt\": " + prompt + "}"))
			.path("node_errors")
			.path("7")
			.path("errors")
			.get(0);
		assertThat(error.path("type").asString()).isEqualTo("exception_during_inner_validation");
	}

	@Test
	void valueOutOfRangeIsValueBiggerThanMax() {
		ObjectNode prompt = Bindings.load("img2img-basic").bind(Map.of("image", client.uploadRoom(), "steps", 20000));
		JsonNode error = ComfyClient.json(client.post("/prompt", "{\"prompt\": " + prompt + "}"))
			.path("node_errors")
			.path("7")
			.path("errors")
			.get(0);
		assertThat(error.path("type").asString()).isEqualTo("value_bigger_than_max");
		assertThat(error.path("message").asString()).isEqualTo("Value 20000 bigger than max of 10000");
	}

	private static ObjectNode bound(String id) {
		return Bindings.load(id).bind(Map.of("image", client.uploadRoom()));
	}

	private static void assertRunsToOneImage(Bindings.Loaded binding, ObjectNode workflow) {
		Bindings.Loaded withWorkflow = new Bindings.Loaded(binding.id(), binding.binding(), workflow);
		ObjectNode prompt = withWorkflow.bind(Map.of("image", client.uploadRoom(), "prompt", "a cosy living room",
				"negative_prompt", "clutter", "seed", 1234));
		String promptId = UUID.randomUUID().toString();
		ObjectNode body = ComfyClient.JSON.createObjectNode();
		body.set("prompt", prompt);
		body.put("prompt_id", promptId);
		HttpResponse<String> reply = client.post("/prompt", body);
		assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
		assertThat(ComfyClient.json(reply).path("node_errors")).isEmpty();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !ComfyClient.json(client.get("/history/" + promptId)).isEmpty());
		JsonNode entry = ComfyClient.json(client.get("/history/" + promptId)).path(promptId);
		assertThat(entry.path("status").path("status_str").asString()).isEqualTo("success");
		JsonNode images = entry.path("outputs").path(binding.outputNode()).path("images");
		assertThat(images).hasSize(1);
		HttpResponse<byte[]> file = client.getBytes("/view?filename=" + images.get(0).path("filename").asString()
				+ "&subfolder=" + images.get(0).path("subfolder").asString() + "&type=output");
		assertThat(file.statusCode()).isEqualTo(200);
		BufferedImage image = readPng(file.body());
		assertThat(image.getWidth()).isGreaterThan(64);
		assertThat(List.of(image.getRGB(image.getWidth() / 2, image.getHeight() / 2))).isNotEmpty();
	}

	private static BufferedImage readPng(byte[] bytes) {
		try {
			return ImageIO.read(new ByteArrayInputStream(bytes));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
