package io.vstage.simulator;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PROTOCOL.md section 1: {@code POST /prompt} replies, error objects and
 * {@code node_errors}.
 */
class PromptEndpointConformanceTests extends ConformanceSupport {

	@Test
	void acceptedPromptAnswersIdNumberAndEmptyNodeErrors() {
		String promptId = UUID.randomUUID().toString();
		HttpResponse<String> reply = client.post("/prompt", "{\"prompt\": "
				+ Graphs.loadAndSave(client.uploadRoom(), "conf_accept") + ", \"prompt_id\": \"" + promptId + "\"}");
		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
		JsonNode body = ComfyClient.json(reply);
		assertThat(body.propertyNames()).containsExactly("prompt_id", "number", "node_errors");
		assertThat(body.path("prompt_id").asString()).isEqualTo(promptId);
		assertThat(body.path("number").isIntegralNumber()).isTrue();
		assertThat(body.path("node_errors")).isEmpty();
	}

	@Test
	void explicitNumberIsEchoedAsFloat() {
		JsonNode body = ComfyClient.json(client.post("/prompt",
				"{\"prompt\": " + Graphs.loadAndSave(client.uploadRoom(), "conf_number") + ", \"number\": 5}"));
		assertThat(body.path("number").isFloatingPointNumber()).isTrue();
		assertThat(body.path("number").asDouble()).isEqualTo(5.0);
	}

	@Test
	void frontPriorityIsTheNegatedCounter() {
		// the counter starts at 0, and -0 is 0: advance it once so that the sign shows
		client.post("/prompt", "{\"client_id\": \"advance\"}");
		JsonNode body = ComfyClient.json(client.post("/prompt",
				"{\"prompt\": " + Graphs.loadAndSave(client.uploadRoom(), "conf_front") + ", \"front\": true}"));
		assertThat(body.path("number").asLong()).isNegative();
	}

	@Test
	void missingPromptIsNoPrompt() {
		HttpResponse<String> reply = client.post("/prompt", "{\"client_id\": \"x\"}");
		assertThat(reply.statusCode()).isEqualTo(400);
		JsonNode body = ComfyClient.json(reply);
		assertThat(body.path("error").path("type").asString()).isEqualTo("no_prompt");
		assertThat(body.path("error").path("message").asString()).isEqualTo("No prompt provided");
		assertThat(body.path("error").path("details").asString()).isEqualTo("No prompt provided");
		assertThat(body.path("error").path("extra_info").isObject()).isTrue();
		assertThat(body.path("node_errors")).isEmpty();
	}

	@Test
	void unknownClassIsRejectedBeforeInputValidation() {
		ObjectNode prompt = Graphs.loadAndSave("missing.png", "x");
		Graphs.node(prompt, "77", "NoSuchNodeClass");
		JsonNode body = ComfyClient.json(client.post("/prompt", "{\"prompt\": " + prompt + "}"));
		assertThat(body.path("error").path("type").asString()).isIn("invalid_prompt", "missing_node_type");
		assertThat(body.path("error").path("details").asString()).isEqualTo("Node ID '#77'");
		assertThat(body.path("node_errors")).isEmpty();
	}

	@Test
	void promptWithoutOutputNodeIsPromptNoOutputs() {
		ObjectNode prompt = ComfyClient.JSON.createObjectNode();
		Graphs.node(prompt, "1", "LoadImage").put("image", "x.png");
		JsonNode body = ComfyClient.json(client.post("/prompt", "{\"prompt\": " + prompt + "}"));
		assertThat(body.path("error").path("type").asString()).isEqualTo("prompt_no_outputs");
		assertThat(body.path("error").path("message").asString()).isEqualTo("Prompt has no outputs");
		assertThat(body.path("error").path("details").asString()).isEmpty();
	}

	@Test
	void unknownImageIsCustomValidationFailed() {
		HttpResponse<String> reply = client.post("/prompt",
				"{\"prompt\": " + Graphs.loadAndSave("no-such-image.png", "x") + "}");
		assertThat(reply.statusCode()).isEqualTo(400);
		JsonNode body = ComfyClient.json(reply);
		assertThat(body.path("error").path("type").asString()).isEqualTo("prompt_outputs_failed_validation");
		JsonNode node = body.path("node_errors").path("10");
		assertThat(node.path("class_type").asString()).isEqualTo("LoadImage");
		assertThat(node.path("dependent_outputs")).extracting(JsonNode::asString).containsExactly("9");
		JsonNode error = node.path("errors").get(0);
		assertThat(error.path("type").asString()).isEqualTo("custom_validation_failed");
		assertThat(error.path("details").asString()).isEqualTo("image - Invalid image file: no-such-image.png");
		assertThat(body.path("error").path("details").asString()).isEmpty();
	}

	@Test
	void inputErrorsCarryComfyUisTypesAndExtraInfo() {
		ObjectNode prompt = Graphs.sampler(client.uploadRoom(), 1, 20);
		((ObjectNode) prompt.path("7").path("inputs")).put("steps", 0);
		((ObjectNode) prompt.path("7").path("inputs")).put("cfg", "abc");
		((ObjectNode) prompt.path("7").path("inputs")).put("denoise", 1.5);
		((ObjectNode) prompt.path("7").path("inputs")).put("sampler_name", "nope");
		((ObjectNode) prompt.path("7").path("inputs")).remove("scheduler");
		JsonNode errors = ComfyClient.json(client.post("/prompt", "{\"prompt\": " + prompt + "}"))
			.path("node_errors")
			.path("7")
			.path("errors");
		assertThat(errors).extracting((e) -> e.path("type").asString())
			.containsExactlyInAnyOrder("value_smaller_than_min", "invalid_input_type", "value_bigger_than_max",
					"value_not_in_list", "required_input_missing");
		for (JsonNode e : errors) {
			switch (e.path("type").asString()) {
				case "value_smaller_than_min" ->
					assertThat(e.path("message").asString()).isEqualTo("Value 0 smaller than min of 1");
				case "invalid_input_type" -> {
					assertThat(e.path("message").asString())
						.isEqualTo("Failed to convert an input value to a FLOAT value");
					assertThat(e.path("extra_info").path("exception_message").asString())
						.isEqualTo("could not convert string to float: 'abc'");
				}
				case "value_bigger_than_max" ->
					assertThat(e.path("message").asString()).isEqualTo("Value 1.5 bigger than max of 1.0");
				case "value_not_in_list" -> assertThat(e.path("extra_info").path("input_config").isNull())
					.as("more than 20 options: the list is left out")
					.isTrue();
				default -> assertThat(e.path("extra_info").path("input_name").asString()).isEqualTo("scheduler");
			}
		}
	}

	@Test
	void linkToMissingNodeIsExceptionDuringInnerValidation() {
		ObjectNode prompt = Graphs.sampler(client.uploadRoom(), 1, 20);
		Graphs.link((ObjectNode) prompt.path("4").path("inputs"), "vae", "999", 2);
		JsonNode nodeErrors = ComfyClient.json(client.post("/prompt", "{\"prompt\": " + prompt + "}"))
			.path("node_errors");
		JsonNode error = nodeErrors.path("4").path("errors").get(0);
		assertThat(error.path("type").asString()).isEqualTo("exception_during_inner_validation");
		assertThat(error.path("details").asString()).isEqualTo("'999'");
		assertThat(error.path("extra_info").path("exception_type").asString()).isEqualTo("KeyError");
	}

	@Test
	void wrongLinkTypeIsReturnTypeMismatch() {
		ObjectNode prompt = Graphs.sampler(client.uploadRoom(), 1, 20);
		Graphs.link((ObjectNode) prompt.path("8").path("inputs"), "samples", "2", 0);
		JsonNode error = ComfyClient.json(client.post("/prompt", "{\"prompt\": " + prompt + "}"))
			.path("node_errors")
			.path("8")
			.path("errors")
			.get(0);
		assertThat(error.path("type").asString()).isEqualTo("return_type_mismatch");
		assertThat(error.path("details").asString())
			.isEqualTo("samples, received_type(IMAGE) mismatch input_type(LATENT)");
	}

	@Test
	void partiallyValidPromptIsQueuedWithNodeErrors() {
		ObjectNode prompt = Graphs.loadAndSave(client.uploadRoom(), "conf_partial");
		Graphs.node(prompt, "20", "LoadImage").put("image", "missing-for-partial.png");
		Graphs.link((ObjectNode) Graphs.node(prompt, "21", "PreviewImage"), "images", "20", 0);
		HttpResponse<String> reply = client.post("/prompt", "{\"prompt\": " + prompt + "}");
		assertThat(reply.statusCode()).isEqualTo(200);
		JsonNode body = ComfyClient.json(reply);
		assertThat(body.path("node_errors").path("20").path("dependent_outputs")).extracting(JsonNode::asString)
			.containsExactly("21");
	}

	@Test
	void graphCycleIsRejected() {
		ObjectNode prompt = ComfyClient.JSON.createObjectNode();
		for (String[] edge : new String[][] { { "3", "4" }, { "4", "3" } }) {
			ObjectNode scale = Graphs.node(prompt, edge[0], "ImageScale");
			scale.put("upscale_method", "nearest-exact").put("width", 64).put("height", 64).put("crop", "disabled");
			Graphs.link(scale, "image", edge[1], 0);
		}
		Graphs.link(Graphs.node(prompt, "9", "SaveImage").put("filename_prefix", "cycle"), "images", "3", 0);
		HttpResponse<String> reply = client.post("/prompt", "{\"prompt\": " + prompt + "}");
		assertThat(reply.statusCode()).isEqualTo(400);
		JsonNode body = ComfyClient.json(reply);
		assertThat(body.path("error").path("type").asString()).isEqualTo("prompt_outputs_failed_validation");
		assertThat(body.path("node_errors").values()).flatExtracting((n) -> n.path("errors").values())
			.extracting((e) -> e.path("type").asString())
			.containsAnyOf("exception_during_inner_validation", "dependency_cycle");
	}

	@Test
	void malformedJsonIsA500Text() {
		HttpResponse<String> reply = client.post("/prompt", "{not json");
		assertThat(reply.statusCode()).isEqualTo(500);
		assertThat(reply.body()).isEqualTo("500 Internal Server Error\n\nServer got itself in trouble");
	}

}
