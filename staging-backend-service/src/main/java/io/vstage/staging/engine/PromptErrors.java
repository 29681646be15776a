package io.vstage.staging.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Turns a {@code POST /prompt} refusal into one sentence that names node, class and
 * input.
 */
final class PromptErrors {

	private PromptErrors() {
	}

	static String describe(JsonNode reply) {
		List<String> parts = new ArrayList<>();
		JsonNode error = reply.path("error");
		if (error.isString()) {
			// servers before 2025-04 sent a plain string
			parts.add(error.asString());
		}
		else if (error.isObject()) {
			String message = error.path("message").asString("");
			String details = error.path("details").asString("");
			String type = error.path("type").asString("");
			boolean detailsAddNothing = details.isEmpty() || details.equals(message);
			parts.add(type + ": " + message + (detailsAddNothing ? "" : " (" + details + ")"));
		}
		for (Map.Entry<String, JsonNode> node : reply.path("node_errors").properties()) {
			String classType = node.getValue().path("class_type").asString("?");
			for (JsonNode nodeError : node.getValue().path("errors")) {
				String input = nodeError.path("extra_info").path("input_name").asString("");
				parts.add("node " + node.getKey() + " (" + classType + ")" + (input.isEmpty() ? "" : " input " + input)
						+ ": " + nodeError.path("message").asString("") + ": "
						+ nodeError.path("details").asString(""));
			}
		}
		return parts.isEmpty() ? "the engine refused the workflow" : String.join("; ", parts);
	}

}
