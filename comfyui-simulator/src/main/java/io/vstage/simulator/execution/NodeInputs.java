package io.vstage.simulator.execution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Resolves a node's inputs: links to upstream values, literals to Java values. */
final class NodeInputs {

	private NodeInputs() {
	}

	static Map<String, Object> resolve(JsonNode inputs, Map<String, List<Object>> values) {
		Map<String, Object> resolved = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> e : inputs.properties()) {
			JsonNode v = e.getValue();
			if (v.isArray() && v.size() == 2 && v.get(0).isString()) {
				List<Object> upstream = values.get(v.get(0).asString());
				int index = v.get(1).asInt();
				if (upstream != null && index >= 0 && index < upstream.size()) {
					resolved.put(e.getKey(), upstream.get(index));
				}
			}
			else {
				resolved.put(e.getKey(), literal(v));
			}
		}
		return resolved;
	}

	static Object literal(JsonNode v) {
		if (v.isIntegralNumber()) {
			return v.canConvertToLong() ? (Object) v.asLong() : v.bigIntegerValue();
		}
		if (v.isNumber()) {
			return v.asDouble();
		}
		if (v.isBoolean()) {
			return v.asBoolean();
		}
		if (v.isString()) {
			return v.asString();
		}
		return v.isNull() ? null : v.toString();
	}

}
