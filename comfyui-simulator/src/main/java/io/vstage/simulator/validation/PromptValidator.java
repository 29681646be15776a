package io.vstage.simulator.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Predicate;

import io.vstage.simulator.catalog.CatalogSnapshot;
import io.vstage.simulator.catalog.NodeClass;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * ComfyUI's {@code validate_prompt}: class checks, output selection, then per-output
 * input validation.
 */
public final class PromptValidator {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final CatalogSnapshot catalog;

	private final Predicate<String> imageExists;

	private final boolean newer;

	/**
	 * A validator against the current catalogue and files.
	 * @param catalog the node classes with the current model lists
	 * @param imageExists whether an (annotated) image name exists for LoadImage
	 * @param newer whether to use the newer line's error types instead of v0.3.64's
	 */
	public PromptValidator(CatalogSnapshot catalog, Predicate<String> imageExists, boolean newer) {
		this.catalog = catalog;
		this.imageExists = imageExists;
		this.newer = newer;
	}

	/**
	 * Validates the {@code prompt} member of a {@code POST /prompt} body.
	 * @param prompt the graph
	 * @param partialTargets {@code partial_execution_targets}, when given
	 * @return the verdict
	 * @throws MalformedPromptException for shapes ComfyUI answers with a 500
	 */
	public Validation validate(JsonNode prompt, Optional<List<String>> partialTargets) {
		if (!(prompt instanceof ObjectNode graph)) {
			throw new MalformedPromptException("prompt is not an object");
		}
		ObjectNode work = graph.deepCopy();
		List<String> outputs = new ArrayList<>();
		for (Map.Entry<String, JsonNode> e : work.properties()) {
			String id = e.getKey();
			if (!e.getValue().isObject()) {
				throw new MalformedPromptException("node " + id + " is not an object");
			}
			JsonNode classType = e.getValue().get("class_type");
			if (classType == null) {
				return rejected(ClassErrors.missingClassType(id, e.getValue(), this.newer));
			}
			if (!classType.isString() && !classType.isValueNode()) {
				throw new MalformedPromptException("unhashable class_type");
			}
			Optional<NodeClass> cls = this.catalog.get(classType.asString());
			if (cls.isEmpty()) {
				return rejected(ClassErrors.unknownClass(id, e.getValue(), this.newer));
			}
			if (cls.get().outputNode() && partialTargets.map((t) -> t.contains(id)).orElse(true)) {
				outputs.add(id);
			}
		}
		if (outputs.isEmpty()) {
			return rejected(NodeErrors.error("prompt_no_outputs", "Prompt has no outputs", "", NODES.objectNode()));
		}
		return validateOutputs(work, outputs);
	}

	private Validation validateOutputs(ObjectNode work, List<String> outputs) {
		GraphCheck check = new GraphCheck(work, this.catalog, this.imageExists, this.newer);
		List<String> good = new ArrayList<>();
		StringJoiner failedDetails = new StringJoiner("\n");
		ObjectNode nodeErrors = NODES.objectNode();
		for (String o : outputs) {
			GraphCheck.Result result;
			try {
				result = check.validate(o);
			}
			catch (PyException ex) {
				ObjectNode extra = NODES.objectNode();
				extra.put("exception_type", ex.type());
				extra.set("traceback", NodeErrors.traceback("validate_prompt"));
				ArrayNode reasons = NODES.arrayNode();
				reasons.add(NodeErrors.error("exception_during_validation", "Exception when validating node",
						ex.getMessage(), extra));
				result = new GraphCheck.Result(false, reasons);
				check.validated.put(o, result);
			}
			if (result.valid()) {
				good.add(o);
				continue;
			}
			result.errors()
				.values()
				.forEach((r) -> failedDetails.add(r.path("message").asString() + ": " + r.path("details").asString()));
			// as in ComfyUI, every failed node seen so far (not only this output's) gains
			// the output
			check.validated.forEach((nodeId, r) -> {
				if (!r.valid() && !r.errors().isEmpty()) {
					if (!nodeErrors.has(nodeId)) {
						ObjectNode entry = nodeErrors.putObject(nodeId);
						entry.set("errors", r.errors());
						entry.putArray("dependent_outputs");
						entry.put("class_type", work.get(nodeId).get("class_type").asString());
					}
					((ArrayNode) nodeErrors.get(nodeId).get("dependent_outputs")).add(o);
				}
			});
		}
		if (good.isEmpty()) {
			return new Validation.Rejected(NodeErrors.error("prompt_outputs_failed_validation",
					"Prompt outputs failed validation", failedDetails.toString(), NODES.objectNode()), nodeErrors);
		}
		return new Validation.Accepted(work, good, nodeErrors);
	}

	private static Validation rejected(ObjectNode error) {
		return new Validation.Rejected(error, NODES.objectNode());
	}

}
