package io.vstage.simulator.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One node class as {@code /object_info} describes it.
 *
 * @param name the {@code class_type}
 * @param info the {@code /object_info} entry
 */
public record NodeClass(String name, ObjectNode info) {

	/** Whether the class is an output node (SaveImage, PreviewImage…). */
	public boolean outputNode() {
		return this.info.path("output_node").asBoolean(false);
	}

	/**
	 * Whether the class uses ComfyUI's V3 schema, recognisable by the keys only V3
	 * entries carry; v0.3.64 does not check V3 combo values at submit time.
	 */
	public boolean v3() {
		return this.info.has("api_node");
	}

	/**
	 * Declared inputs, required first, then optional, in declaration order (hidden
	 * excluded).
	 */
	public List<InputSpec> inputs() {
		List<InputSpec> inputs = new ArrayList<>();
		for (String category : new String[] { "required", "optional" }) {
			for (Map.Entry<String, JsonNode> e : this.info.path("input").path(category).properties()) {
				inputs.add(new InputSpec(e.getKey(), "required".equals(category), e.getValue()));
			}
		}
		return inputs;
	}

	/** Output types; a combo output is its option list. */
	public List<JsonNode> outputs() {
		List<JsonNode> outputs = new ArrayList<>();
		this.info.path("output").values().forEach(outputs::add);
		return outputs;
	}

	/** Whether the class declares this input among its required or optional ones. */
	public boolean declares(String input) {
		return inputs().stream().anyMatch((i) -> i.name().equals(input));
	}

}
