package io.vstage.simulator.validation;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builders for ComfyUI's error objects ({@code type}, {@code message}, {@code details},
 * {@code extra_info}).
 */
final class NodeErrors {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private NodeErrors() {
	}

	static ObjectNode error(String type, String message, String details, ObjectNode extraInfo) {
		ObjectNode error = NODES.objectNode();
		error.put("type", type);
		error.put("message", message);
		error.put("details", details);
		error.set("extra_info", extraInfo);
		return error;
	}

	static ObjectNode extra(String inputName) {
		ObjectNode extra = NODES.objectNode();
		extra.put("input_name", inputName);
		return extra;
	}

	/** {@code (input_type, extra_info)} as Python's json writes the tuple. */
	static ArrayNode inputConfig(JsonNode type, JsonNode extraInfo) {
		ArrayNode config = NODES.arrayNode();
		config.add(type.deepCopy());
		config.add(extraInfo.deepCopy());
		return config;
	}

	/** A traceback in the shape Python's {@code traceback.format_tb} produces. */
	static ArrayNode traceback(String function) {
		ArrayNode tb = NODES.arrayNode();
		tb.add("  File \"/comfyui-simulator/execution.py\", line 1, in " + function + "\n    simulated\n");
		return tb;
	}

	static ObjectNode exception(String type, String message, String inputName, JsonNode inputConfig, PyException ex,
			JsonNode linkedNode) {
		ObjectNode extra = extra(inputName);
		extra.set("input_config", inputConfig);
		extra.put("exception_message", ex.getMessage());
		extra.put("exception_type", ex.type());
		extra.set("traceback", traceback("validate_inputs"));
		extra.set("linked_node", linkedNode.deepCopy());
		return error(type, message, ex.getMessage(), extra);
	}

	static ArrayNode array(List<String> values) {
		ArrayNode array = NODES.arrayNode();
		values.forEach(array::add);
		return array;
	}

}
