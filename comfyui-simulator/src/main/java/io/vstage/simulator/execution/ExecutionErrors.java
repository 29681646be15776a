package io.vstage.simulator.execution;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The {@code execution_error} payload, with every field ComfyUI sends. */
final class ExecutionErrors {

	private ExecutionErrors() {
	}

	static ObjectNode data(ObjectNode base, NodeFailure failure, ObjectNode prompt, Map<String, List<Object>> values,
			List<String> currentOutputs) {
		String nodeId = base.get("node_id").asString();
		base.put("exception_message", failure.getMessage() + "\n");
		base.put("exception_type", failure.type());
		ArrayNode traceback = base.putArray("traceback");
		traceback.add("  File \"/comfyui-simulator/execution.py\", line 496, in execute\n"
				+ "    output_data, output_ui, has_subgraph, has_pending_tasks = await get_output_data(...)\n");
		traceback.add("  File \"/comfyui-simulator/nodes.py\", line 1, in " + base.get("node_type").asString()
				+ "\n    simulated node failure\n");
		ObjectNode inputs = base.putObject("current_inputs");
		Map<String, Object> resolved = NodeInputs.resolve(prompt.get(nodeId).path("inputs"), values);
		resolved.forEach((name, value) -> inputs.putArray(name).add(format(value)));
		ArrayNode outputs = base.putArray("current_outputs");
		currentOutputs.forEach(outputs::add);
		return base;
	}

	private static JsonNode format(Object value) {
		JsonNodeFactory f = JsonNodeFactory.instance;
		return switch (value) {
			case null -> f.nullNode();
			case Long l -> f.numberNode(l);
			case Double d -> f.numberNode(d);
			case Boolean b -> f.booleanNode(b);
			case String s -> f.stringNode(s);
			default -> f.stringNode(value.toString());
		};
	}

}
