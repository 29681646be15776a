package io.vstage.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A loader and validator for comfyui-workflows' binding files (format_version 1), the
 * rules of comfyui-workflows/README.md; the staging backend owns its production loader.
 */
final class Bindings {

	private static final Set<String> KINDS = Set.of("image", "string", "int", "float", "model");

	private static final Set<String> OUTPUT_CLASSES = Set.of("SaveImage", "PreviewImage");

	private Bindings() {
	}

	/**
	 * A validated binding with its workflow.
	 *
	 * @param id the workflow id
	 * @param binding the binding document
	 * @param workflow the API-format workflow
	 */
	record Loaded(String id, JsonNode binding, ObjectNode workflow) {

		String outputNode() {
			return this.binding.path("output_nodes").get(0).asString();
		}

		/**
		 * A fresh copy of the workflow with the given parameters written into their
		 * targets.
		 */
		ObjectNode bind(Map<String, Object> values) {
			ObjectNode copy = this.workflow.deepCopy();
			values.forEach((name, value) -> {
				JsonNode param = this.binding.path("parameters").path(name);
				if (param.isMissingNode()) {
					throw new IllegalArgumentException(this.id + ": no parameter " + name);
				}
				for (JsonNode target : param.path("targets")) {
					ObjectNode inputs = (ObjectNode) copy.path(target.path("node").asString()).path("inputs");
					inputs.set(target.path("input").asString(), ComfyClient.JSON.valueToTree(value));
				}
			});
			return copy;
		}

	}

	static List<Loaded> all() {
		JsonNode index = read("workflows/index.json");
		List<Loaded> loaded = new ArrayList<>();
		for (JsonNode entry : index.path("workflows")) {
			JsonNode binding = read("workflows/" + entry.path("binding").asString());
			loaded.add(validate(entry.path("id").asString(), binding,
					(ObjectNode) read("workflows/" + binding.path("workflow").asString())));
		}
		return loaded;
	}

	static Loaded load(String id) {
		return all().stream().filter((l) -> l.id().equals(id)).findFirst().orElseThrow();
	}

	static JsonNode read(String resource) {
		try (InputStream in = Bindings.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + resource);
			}
			return ComfyClient.JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Validates a binding against its workflow; fails with the name of what is missing.
	 */
	static Loaded validate(String id, JsonNode binding, ObjectNode workflow) {
		if (binding.path("format_version").asInt() != 1) {
			throw new IllegalStateException(id + ": unsupported format_version");
		}
		for (JsonNode output : binding.path("output_nodes")) {
			JsonNode node = workflow.get(output.asString());
			if (node == null) {
				throw new IllegalStateException(id + ": output node " + output.asString() + " is not in the workflow");
			}
			if (!OUTPUT_CLASSES.contains(node.path("class_type").asString())) {
				throw new IllegalStateException(id + ": output node " + output.asString() + " is not an output class");
			}
		}
		for (Map.Entry<String, JsonNode> param : binding.path("parameters").properties()) {
			String kind = param.getValue().path("kind").asString("");
			if (!KINDS.contains(kind)) {
				throw new IllegalStateException(id + ": parameter " + param.getKey() + ": unknown kind '" + kind + "'");
			}
			for (JsonNode target : param.getValue().path("targets")) {
				String node = target.path("node").asString();
				String input = target.path("input").asString();
				if (!workflow.has(node)) {
					throw new IllegalStateException(id + ": parameter " + param.getKey() + ": no node " + node);
				}
				JsonNode value = workflow.path(node).path("inputs").get(input);
				if (value == null) {
					throw new IllegalStateException(
							id + ": parameter " + param.getKey() + ": node " + node + " has no input '" + input + "'");
				}
				if (value.isArray()) {
					throw new IllegalStateException(id + ": parameter " + param.getKey() + ": node " + node + " input '"
							+ input + "' is a link");
				}
			}
		}
		return new Loaded(id, binding, workflow);
	}

	static Set<String> classesOf(JsonNode workflow) {
		Set<String> classes = new TreeSet<>();
		workflow.values().forEach((n) -> classes.add(n.path("class_type").asString()));
		return classes;
	}

}
