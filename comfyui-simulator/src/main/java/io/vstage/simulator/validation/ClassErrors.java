package io.vstage.simulator.validation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The errors for a node without a class or with an unknown one, per version profile. */
final class ClassErrors {

	private ClassErrors() {
	}

	static ObjectNode missingClassType(String id, JsonNode node, boolean newer) {
		if (!newer) {
			return NodeErrors.error("invalid_prompt",
					"Cannot execute because a node is missing the class_type property.", "Node ID '#" + id + "'",
					JsonNodeFactory.instance.objectNode());
		}
		String title = title(node).orElse("ID #" + id);
		return NodeErrors.error("missing_node_type",
				"Node '" + title + "' has no class_type. The workflow may be corrupted or a custom node is missing.",
				"Node ID '#" + id + "'", extra(id, null, title));
	}

	static ObjectNode unknownClass(String id, JsonNode node, boolean newer) {
		String classType = node.get("class_type").asString();
		if (!newer) {
			return NodeErrors.error("invalid_prompt", "Cannot execute because node " + classType + " does not exist.",
					"Node ID '#" + id + "'", JsonNodeFactory.instance.objectNode());
		}
		String title = title(node).orElse(classType);
		return NodeErrors.error("missing_node_type",
				"Node '" + title + "' not found. The custom node may not be installed.", "Node ID '#" + id + "'",
				extra(id, classType, title));
	}

	private static java.util.Optional<String> title(JsonNode node) {
		JsonNode title = node.path("_meta").path("title");
		return title.isString() ? java.util.Optional.of(title.asString()) : java.util.Optional.empty();
	}

	private static ObjectNode extra(String id, String classType, String title) {
		ObjectNode extra = JsonNodeFactory.instance.objectNode();
		extra.put("node_id", id);
		extra.put("class_type", classType);
		extra.put("node_title", title);
		return extra;
	}

}
