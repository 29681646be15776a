package io.vstage.simulator;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * comfyui-workflows: every binding validates, its requirements exist in the simulator,
 * styles are complete.
 */
class WorkflowBindingsTests {

	static ComfyUiSimulator sim;

	static ComfyClient client;

	@BeforeAll
	static void start() {
		sim = ComfyUiSimulator.builder().build().start();
		client = new ComfyClient(sim.baseUrl());
	}

	@AfterAll
	static void stop() {
		sim.close();
	}

	@Test
	void everyBindingInTheIndexValidatesAgainstItsWorkflow() {
		assertThat(Bindings.all()).extracting(Bindings.Loaded::id).contains("joger", "img2img-basic");
		assertThat(Bindings.all()).allSatisfy((b) -> {
			assertThat(b.binding().path("parameters").propertyNames()).contains("image", "prompt");
			assertThat(b.binding().path("output_nodes")).isNotEmpty();
		});
		for (String id : new String[] { "joger", "img2img-basic" }) {
			assertThat(Bindings.load(id).binding().path("parameters").propertyNames()).contains("negative_prompt",
					"seed", "checkpoint", "steps", "denoise");
		}
		assertThat(Bindings.load("joger").outputNode()).isEqualTo("159");
		assertThat(Bindings.load("joger")
			.binding()
			.path("parameters")
			.path("seed")
			.path("targets")
			.get(0)
			.path("node")
			.asString()).isEqualTo("107");
	}

	@Test
	void requiredNodeClassesAndModelsAreWhatTheWorkflowUsesAndTheSimulatorHas() {
		JsonNode objectInfo = ComfyClient.json(client.get("/object_info"));
		for (Bindings.Loaded b : Bindings.all()) {
			List<String> declared = b.binding()
				.path("requires")
				.path("node_classes")
				.values()
				.stream()
				.map(JsonNode::asString)
				.toList();
			assertThat(declared).containsExactlyInAnyOrderElementsOf(Bindings.classesOf(b.workflow()));
			assertThat(objectInfo.propertyNames()).containsAll(declared);
			for (JsonNode model : b.binding().path("requires").path("models")) {
				assertThat(ComfyClient.json(client.get("/models/" + model.path("folder").asString())))
					.extracting(JsonNode::asString)
					.as("%s needs %s", b.id(), model)
					.contains(model.path("name").asString());
			}
		}
	}

	@Test
	void bindingToAMissingNodeFailsWithItsName() {
		Bindings.Loaded joger = Bindings.load("joger");
		ObjectNode broken = (ObjectNode) joger.binding().deepCopy();
		((ObjectNode) broken.path("parameters").path("seed").path("targets").get(0)).put("node", "1070");
		assertThatIllegalStateException().isThrownBy(() -> Bindings.validate("joger", broken, joger.workflow()))
			.withMessage("joger: parameter seed: no node 1070");
	}

	@Test
	void bindingToAMissingInputFailsWithItsName() {
		Bindings.Loaded joger = Bindings.load("joger");
		ObjectNode broken = (ObjectNode) joger.binding().deepCopy();
		((ObjectNode) broken.path("parameters").path("seed").path("targets").get(0)).put("input", "valu");
		assertThatIllegalStateException().isThrownBy(() -> Bindings.validate("joger", broken, joger.workflow()))
			.withMessage("joger: parameter seed: node 107 has no input 'valu'");
	}

	@Test
	void bindingToALinkOrAMissingOutputNodeFails() {
		Bindings.Loaded joger = Bindings.load("joger");
		ObjectNode link = (ObjectNode) joger.binding().deepCopy();
		((ObjectNode) link.path("parameters").path("seed").path("targets").get(0)).put("node", "7")
			.put("input", "seed");
		assertThatIllegalStateException().isThrownBy(() -> Bindings.validate("joger", link, joger.workflow()))
			.withMessageContaining("is a link");
		ObjectNode output = (ObjectNode) joger.binding().deepCopy();
		output.putArray("output_nodes").add("158");
		assertThatIllegalStateException().isThrownBy(() -> Bindings.validate("joger", output, joger.workflow()))
			.withMessage("joger: output node 158 is not in the workflow");
	}

	@Test
	@SuppressWarnings("unchecked")
	void stylesCatalogueHasTheStylesRoomTypesAndDefaultNegativePrompt() throws Exception {
		Map<String, Object> styles;
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("workflows/styles.yaml")) {
			styles = new Yaml().load(in);
		}
		List<Map<String, String>> styleList = (List<Map<String, String>>) styles.get("styles");
		List<Map<String, String>> rooms = (List<Map<String, String>>) styles.get("room_types");
		assertThat(styleList).extracting((s) -> s.get("id"))
			.contains("modern", "scandinavian", "industrial", "mid_century_modern", "japandi", "coastal", "farmhouse",
					"bohemian", "luxury", "minimalist");
		assertThat(rooms).extracting((r) -> r.get("id"))
			.contains("living_room", "bedroom", "dining_room", "kitchen", "home_office", "kids_room", "bathroom",
					"outdoor_patio");
		assertThat(styleList).allSatisfy((s) -> assertThat(s.get("prompt")).isNotBlank());
		assertThat(rooms).allSatisfy((r) -> assertThat(r.get("prompt")).isNotBlank());
		assertThat((String) styles.get("default_negative_prompt")).isNotBlank();
	}

}
