package io.vstage.simulator.execution;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code progress_state}: the state of every node that has started in this prompt. */
final class ProgressTracker {

	private record State(long value, long max, String state) {
	}

	private final Map<String, State> nodes = new LinkedHashMap<>();

	private final String promptId;

	ProgressTracker(String promptId) {
		this.promptId = promptId;
	}

	ObjectNode start(String id) {
		this.nodes.put(id, new State(0, 1, "running"));
		return message();
	}

	ObjectNode update(String id, long value, long max) {
		this.nodes.put(id, new State(value, max, "running"));
		return message();
	}

	ObjectNode finish(String id) {
		State old = this.nodes.getOrDefault(id, new State(0, 1, "running"));
		this.nodes.put(id, new State(old.max(), old.max(), "finished"));
		return message();
	}

	private ObjectNode message() {
		ObjectNode data = JsonNodeFactory.instance.objectNode();
		data.put("prompt_id", this.promptId);
		ObjectNode all = data.putObject("nodes");
		this.nodes.forEach((id, s) -> {
			ObjectNode node = all.putObject(id);
			node.put("value", s.value());
			node.put("max", s.max());
			node.put("state", s.state());
			node.put("node_id", id);
			node.put("prompt_id", this.promptId);
			node.put("display_node_id", id);
			node.putNull("parent_node_id");
			node.put("real_node_id", id);
		});
		return data;
	}

}
