package io.vstage.simulator.validation;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/** ComfyUI's {@code validate_node_input}: does a linked output type fit an input type. */
final class Links {

	private Links() {
	}

	static boolean typesMatch(JsonNode received, JsonNode input) {
		if (received.equals(input)) {
			return true;
		}
		if (!received.isString() || !input.isString()) {
			return false;
		}
		Set<String> from = split(received.asString());
		Set<String> to = split(input.asString());
		if (from.contains("*") || to.contains("*") || from.equals(to)) {
			return true;
		}
		return from.stream().anyMatch(to::contains);
	}

	private static Set<String> split(String type) {
		return Arrays.stream(type.split(",")).map(String::strip).collect(Collectors.toSet());
	}

}
