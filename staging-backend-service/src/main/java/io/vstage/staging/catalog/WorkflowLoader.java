package io.vstage.staging.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.vstage.staging.catalog.Workflow.Parameter;
import io.vstage.staging.catalog.Workflow.Target;

/**
 * Reads a binding file and its workflow, and checks them as comfyui-workflows/README.md
 * asks: output nodes are output classes, every target is a literal input of an existing
 * node.
 */
class WorkflowLoader {

	private static final Set<String> OUTPUT_CLASSES = Set.of("SaveImage", "PreviewImage");

	private final ResourceLoader resources;

	private final JsonMapper json = JsonMapper.builder().build();

	WorkflowLoader(ResourceLoader resources) {
		this.resources = resources;
	}

	JsonNode read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return this.json.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + resource.getDescription(), ex);
		}
	}

	Workflow load(Resource bindingResource) {
		JsonNode binding = read(bindingResource);
		String id = binding.path("id").asString();
		String workflowName = binding.path("workflow").asString();
		Resource graphResource = workflowName.contains(":") ? this.resources.getResource(workflowName)
				: relative(bindingResource, workflowName);
		if (!(read(graphResource) instanceof ObjectNode graph) || graph.has("nodes")) {
			throw new IllegalStateException(id + ": " + workflowName + " is not an API-format workflow");
		}
		Set<String> outputs = new HashSet<>();
		for (JsonNode node : binding.path("output_nodes")) {
			String classType = graph.path(node.asString()).path("class_type").asString("");
			if (!OUTPUT_CLASSES.contains(classType)) {
				throw new IllegalStateException(id + ": output node " + node.asString() + " is not an output node");
			}
			outputs.add(node.asString());
		}
		Map<String, Parameter> parameters = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : binding.path("parameters").properties()) {
			parameters.put(entry.getKey(), parameter(id, graph, entry.getKey(), entry.getValue()));
		}
		Set<String> classes = new HashSet<>();
		binding.path("requires").path("node_classes").forEach((node) -> classes.add(node.asString()));
		graph.forEach((node) -> classes.add(node.path("class_type").asString("")));
		List<ModelRef> models = new ArrayList<>();
		binding.path("requires")
			.path("models")
			.forEach((model) -> models
				.add(new ModelRef(model.path("folder").asString(), model.path("name").asString())));
		return new Workflow(id, binding.path("display_name").asString(id), binding.path("description").asString(""),
				graph, outputs, parameters, classes, models);
	}

	private static Parameter parameter(String id, ObjectNode graph, String name, JsonNode spec) {
		List<Target> targets = new ArrayList<>();
		for (JsonNode target : spec.path("targets")) {
			String node = target.path("node").asString();
			String input = target.path("input").asString();
			JsonNode inputs = graph.path(node).path("inputs");
			if (!inputs.has(input) || inputs.path(input).isArray()) {
				throw new IllegalStateException(
						id + ": parameter " + name + ": node " + node + " has no input '" + input + "'");
			}
			targets.add(new Target(node, input));
		}
		return new Parameter(spec.path("kind").asString("string"), spec.path("required").asBoolean(false), targets,
				spec.path("min"), spec.path("max"));
	}

	private static Resource relative(Resource base, String name) {
		try {
			return base.createRelative(name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
