package io.vstage.simulator.validation;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.vstage.simulator.catalog.CatalogSnapshot;
import io.vstage.simulator.catalog.InputSpec;
import io.vstage.simulator.catalog.NodeClass;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * ComfyUI's recursive {@code validate_inputs}: one node's inputs, then (through links)
 * its upstream nodes, memoised in {@link #validated} in the order results are recorded.
 */
final class GraphCheck {

	/**
	 * Inputs checked by a node's own validator instead of the generic range and list
	 * checks.
	 */
	private static final Map<String, Set<String>> CUSTOM_VALIDATED = Map.of("LoadImage", Set.of("image"));

	/**
	 * The verdict on one node.
	 *
	 * @param valid whether the node and everything upstream validated
	 * @param errors this node's own errors (empty when only upstream failed)
	 */
	record Result(boolean valid, ArrayNode errors) {
	}

	final Map<String, Result> validated = new LinkedHashMap<>();

	private final ObjectNode prompt;

	private final CatalogSnapshot catalog;

	private final Predicate<String> imageExists;

	private final boolean newer;

	private final Set<String> inProgress = new HashSet<>();

	GraphCheck(ObjectNode prompt, CatalogSnapshot catalog, Predicate<String> imageExists, boolean newer) {
		this.prompt = prompt;
		this.catalog = catalog;
		this.imageExists = imageExists;
		this.newer = newer;
	}

	Result validate(String id) {
		Result memo = this.validated.get(id);
		if (memo != null) {
			return memo;
		}
		if (!this.inProgress.add(id)) {
			throw this.newer ? new PyException("DependencyCycleError", "Dependency cycle detected")
					: new PyException("RecursionError", "maximum recursion depth exceeded");
		}
		try {
			Result result = check(id);
			this.validated.putIfAbsent(id, result);
			return this.validated.get(id);
		}
		finally {
			this.inProgress.remove(id);
		}
	}

	private Result check(String id) {
		JsonNode node = this.prompt.get(id);
		if (!(node.get("inputs") instanceof ObjectNode inputs)) {
			throw PyException.keyError("'inputs'");
		}
		NodeClass cls = this.catalog.get(node.get("class_type").asString()).orElseThrow();
		ArrayNode errors = JsonNodeFactory.instance.arrayNode();
		boolean valid = true;
		for (InputSpec spec : cls.inputs()) {
			String x = spec.name();
			JsonNode config = NodeErrors.inputConfig(spec.type(), spec.extra());
			JsonNode value = inputs.get(x);
			if (value == null) {
				if (spec.required()) {
					errors.add(NodeErrors.error("required_input_missing", "Required input is missing", x,
							NodeErrors.extra(x)));
				}
			}
			else if (value.isArray()) {
				valid &= checkLink(x, spec, config, (ArrayNode) value, errors);
			}
			else {
				new LiteralCheck(x, spec, config, inputs, this.newer)
					.check(cls.v3(), CUSTOM_VALIDATED.getOrDefault(cls.name(), Set.of()).contains(x))
					.ifPresent(errors::add);
			}
		}
		customValidation(cls, inputs).ifPresent(errors::add);
		return (errors.isEmpty() && valid) ? new Result(true, errors) : new Result(false, errors);
	}

	private boolean checkLink(String x, InputSpec spec, JsonNode config, ArrayNode link, ArrayNode errors) {
		if (link.size() != 2) {
			ObjectNode extra = NodeErrors.extra(x);
			extra.set("input_config", config);
			extra.set("received_value", link);
			errors.add(NodeErrors.error("bad_linked_input",
					"Bad linked input, must be a length-2 list of [node_id, slot_index]", x, extra));
			return true;
		}
		JsonNode from = link.get(0);
		// Python looks the id up as given: an int id is a KeyError, just like a missing
		// one
		if (!from.isString() || !this.prompt.has(from.asString())) {
			throw PyException.keyError(PyText.repr(from));
		}
		String fromId = from.asString();
		JsonNode receivedType = outputType(fromId, link.get(1));
		if (!Links.typesMatch(receivedType, spec.type())) {
			ObjectNode extra = NodeErrors.extra(x);
			extra.set("input_config", config);
			extra.set("received_type", receivedType);
			extra.set("linked_node", link);
			errors.add(NodeErrors.error(
					"return_type_mismatch", "Return type mismatch between linked nodes", x + ", received_type("
							+ PyText.str(receivedType) + ") mismatch input_type(" + PyText.str(spec.type()) + ")",
					extra));
			return true;
		}
		try {
			return validate(fromId).valid();
		}
		catch (PyException ex) {
			ArrayNode reasons = JsonNodeFactory.instance.arrayNode();
			if ("DependencyCycleError".equals(ex.type())) {
				ObjectNode extra = JsonNodeFactory.instance.objectNode();
				extra.put("node_id", fromId);
				extra.set("cycle_nodes", NodeErrors.array(this.inProgress.stream().sorted().toList()));
				reasons.add(NodeErrors.error("dependency_cycle", "Dependency cycle detected",
						"Node " + fromId + " is part of a dependency cycle", extra));
			}
			else {
				reasons.add(NodeErrors.exception("exception_during_inner_validation",
						"Exception when validating inner node", x, config, ex, link));
			}
			this.validated.put(fromId, new Result(false, reasons));
			return false;
		}
	}

	private JsonNode outputType(String fromId, JsonNode index) {
		NodeClass source = this.catalog.get(this.prompt.get(fromId).get("class_type").asString()).orElseThrow();
		if (!index.isIntegralNumber()) {
			throw new PyException("TypeError",
					"tuple indices must be integers or slices, not " + PyText.typeName(index));
		}
		int n = source.outputs().size();
		int i = index.asInt();
		if (i < -n || i >= n) {
			throw new PyException("IndexError", "tuple index out of range");
		}
		return source.outputs().get((i < 0) ? i + n : i);
	}

	private java.util.Optional<ObjectNode> customValidation(NodeClass cls, ObjectNode inputs) {
		JsonNode image = inputs.get("image");
		if (!"LoadImage".equals(cls.name()) || image == null || image.isArray()) {
			return java.util.Optional.empty();
		}
		String name = PyText.str(image);
		if (this.imageExists.test(name)) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(NodeErrors.error("custom_validation_failed", "Custom validation failed for node",
				"image - Invalid image file: " + name, NodeErrors.extra("image")));
	}

}
