package io.vstage.simulator.validation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.vstage.simulator.catalog.InputSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Checks one literal input value: conversion, then range, then combo membership. */
final class LiteralCheck {

	private static final Set<String> CONVERTED = Set.of("INT", "FLOAT", "STRING", "BOOLEAN");

	/** Above this many options ComfyUI leaves the list out of the error. */
	private static final int MAX_LISTED_OPTIONS = 20;

	private final String name;

	private final InputSpec spec;

	private final JsonNode config;

	private final ObjectNode inputs;

	private final boolean newer;

	LiteralCheck(String name, InputSpec spec, JsonNode config, ObjectNode inputs, boolean newer) {
		this.name = name;
		this.spec = spec;
		this.config = config;
		this.inputs = inputs;
		this.newer = newer;
	}

	/**
	 * Checks the value, storing the converted value back into the inputs as ComfyUI does.
	 * @param v3 whether the node uses the V3 schema (v0.3.64 skips its combo check)
	 * @param customValidated whether the node's own validator takes this input
	 * @return the error, if any
	 */
	Optional<ObjectNode> check(boolean v3, boolean customValidated) {
		JsonNode value = this.inputs.get(this.name);
		if (value.isObject() && value.has("__value__")) {
			value = value.get("__value__");
			this.inputs.set(this.name, value);
		}
		String type = this.spec.typeName();
		if (!this.spec.combo() && CONVERTED.contains(type)) {
			JsonNode raw = value;
			try {
				value = Coercion.coerce(type, value);
				this.inputs.set(this.name, value);
			}
			catch (PyException ex) {
				ObjectNode extra = NodeErrors.extra(this.name);
				extra.set("input_config", this.config);
				extra.set("received_value", raw);
				extra.put("exception_message", ex.getMessage());
				return Optional.of(NodeErrors.error("invalid_input_type",
						"Failed to convert an input value to a " + type + " value",
						this.name + ", " + PyText.str(raw) + ", " + ex.getMessage(), extra));
			}
		}
		if (customValidated) {
			return Optional.empty();
		}
		JsonNode extraInfo = this.spec.extra();
		if (value.isNumber() && extraInfo.path("min").isNumber() && Coercion.compare(value, extraInfo.get("min")) < 0) {
			return Optional.of(range("value_smaller_than_min",
					"Value " + PyText.repr(value) + " smaller than min of " + PyText.repr(extraInfo.get("min")),
					value));
		}
		if (value.isNumber() && extraInfo.path("max").isNumber() && Coercion.compare(value, extraInfo.get("max")) > 0) {
			return Optional.of(range("value_bigger_than_max",
					"Value " + PyText.repr(value) + " bigger than max of " + PyText.repr(extraInfo.get("max")), value));
		}
		if (this.spec.combo() && (!v3 || this.newer)) {
			List<String> options = this.spec.options();
			if (!value.isString() || !options.contains(value.asString())) {
				return Optional.of(notInList(value, options));
			}
		}
		return Optional.empty();
	}

	private ObjectNode range(String type, String message, JsonNode value) {
		ObjectNode extra = NodeErrors.extra(this.name);
		extra.set("input_config", this.config);
		extra.set("received_value", value);
		return NodeErrors.error(type, message, this.name, extra);
	}

	private ObjectNode notInList(JsonNode value, List<String> options) {
		boolean tooMany = options.size() > MAX_LISTED_OPTIONS;
		String listInfo = tooMany ? "(list of length " + options.size() + ")" : PyText.repr(NodeErrors.array(options));
		String shown = this.newer ? PyText.repr(value) : "'" + PyText.str(value) + "'";
		ObjectNode extra = NodeErrors.extra(this.name);
		if (tooMany) {
			extra.putNull("input_config");
		}
		else {
			extra.set("input_config", this.config);
		}
		extra.set("received_value", value);
		return NodeErrors.error("value_not_in_list", "Value not in list",
				this.name + ": " + shown + " not in " + listInfo, extra);
	}

}
