package io.vstage.staging.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A loaded workflow with its binding: the graph, its result nodes, its parameters, and
 * what it needs from an engine.
 */
public record Workflow(String id, String displayName, String description, ObjectNode graph, Set<String> outputNodes,
		Map<String, Parameter> parameters, Set<String> nodeClasses, List<ModelRef> models) {

	public Workflow {
		outputNodes = Set.copyOf(outputNodes);
		parameters = Map.copyOf(parameters);
		nodeClasses = Set.copyOf(nodeClasses);
		models = List.copyOf(models);
	}

	/**
	 * Writes the given values into a fresh copy of the graph; parameters the workflow
	 * does not declare are skipped, and unset ones keep the workflow's literal.
	 */
	public ObjectNode bind(Map<String, Object> values) {
		ObjectNode copy = this.graph.deepCopy();
		for (Map.Entry<String, Parameter> entry : this.parameters.entrySet()) {
			Object value = values.get(entry.getKey());
			if (value == null) {
				if (entry.getValue().required()) {
					throw new IllegalArgumentException(this.id + ": parameter " + entry.getKey() + " is required");
				}
				continue;
			}
			for (Target target : entry.getValue().targets()) {
				ObjectNode inputs = (ObjectNode) copy.path(target.node()).path("inputs");
				switch (value) {
					case Long number -> inputs.put(target.input(), number);
					case Integer number -> inputs.put(target.input(), number);
					case Double number -> inputs.put(target.input(), number);
					default -> inputs.put(target.input(), value.toString());
				}
			}
		}
		return copy;
	}

	/** One bindable parameter. */
	public record Parameter(String kind, boolean required, List<Target> targets, JsonNode min, JsonNode max) {

		public Parameter {
			targets = List.copyOf(targets);
		}

	}

	/** A node input a parameter is written into. */
	public record Target(String node, String input) {

	}

}
