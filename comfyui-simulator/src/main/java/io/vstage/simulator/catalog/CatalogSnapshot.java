package io.vstage.simulator.catalog;

import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The catalogue with the current model lists and input files filled in. */
public final class CatalogSnapshot {

	private final ObjectNode classes;

	CatalogSnapshot(ObjectNode classes) {
		this.classes = classes;
	}

	/** A node class by its {@code class_type}. */
	public Optional<NodeClass> get(String classType) {
		JsonNode info = this.classes.get(classType);
		return (info instanceof ObjectNode object) ? Optional.of(new NodeClass(classType, object)) : Optional.empty();
	}

	/**
	 * {@code GET /object_info}.
	 * @param v3ComboForm whether V3 nodes serve their combos as {@code ["COMBO",
	 * {options}]} as a real server does, instead of the classic {@code [[options], {}]}
	 * @return every class
	 */
	public ObjectNode objectInfo(boolean v3ComboForm) {
		ObjectNode out = this.classes.deepCopy();
		if (v3ComboForm) {
			out.properties().forEach((cls) -> toV3Combos(cls.getValue()));
		}
		return out;
	}

	/** {@code GET /object_info/{class}}: the class alone, or an empty object. */
	public ObjectNode objectInfo(String classType, boolean v3ComboForm) {
		ObjectNode out = JsonNodeFactory.instance.objectNode();
		JsonNode info = this.classes.get(classType);
		if (info != null) {
			JsonNode copy = info.deepCopy();
			if (v3ComboForm) {
				toV3Combos(copy);
			}
			out.set(classType, copy);
		}
		return out;
	}

	private static void toV3Combos(JsonNode info) {
		if (!info.has("api_node")) {
			return;
		}
		for (String category : new String[] { "required", "optional" }) {
			for (Map.Entry<String, JsonNode> input : info.path("input").path(category).properties()) {
				JsonNode spec = input.getValue();
				if (spec.isArray() && spec.path(0).isArray()) {
					ObjectNode options = JsonNodeFactory.instance.objectNode();
					options.put("multiselect", false);
					options.set("options", spec.get(0));
					spec.path(1).properties().forEach((o) -> options.set(o.getKey(), o.getValue()));
					ArrayNode v3 = JsonNodeFactory.instance.arrayNode();
					v3.add("COMBO");
					v3.add(options);
					((ObjectNode) info.path("input").path(category)).set(input.getKey(), v3);
				}
			}
		}
	}

}
