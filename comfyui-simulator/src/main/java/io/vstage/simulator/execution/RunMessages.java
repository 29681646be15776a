package io.vstage.simulator.execution;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The messages of one prompt, routed like ComfyUI's executor does and recorded for
 * history.
 */
final class RunMessages {

	private final MessageBus bus;

	private final String clientId;

	private final String promptId;

	private final ArrayNode recorded = JsonNodeFactory.instance.arrayNode();

	RunMessages(MessageBus bus, String clientId, String promptId) {
		this.bus = bus;
		this.clientId = clientId;
		this.promptId = promptId;
	}

	ObjectNode data() {
		return JsonNodeFactory.instance.objectNode().put("prompt_id", this.promptId);
	}

	/**
	 * ComfyUI's {@code add_message}: timestamped, kept for history, sent if there is a
	 * client or broadcast.
	 */
	void record(String event, ObjectNode data, boolean broadcast) {
		data.put("timestamp", System.currentTimeMillis());
		ArrayNode pair = this.recorded.addArray();
		pair.add(event);
		pair.add(data);
		if (this.clientId != null || broadcast) {
			this.bus.send(event, data, this.clientId);
		}
	}

	/** Messages that only the submitter gets, and nobody when there is none. */
	void toClient(String type, JsonNode data) {
		if (this.clientId != null) {
			this.bus.send(type, data, this.clientId);
		}
	}

	/**
	 * {@code progress} and {@code progress_state}: to the submitter, or to everyone
	 * without one.
	 */
	void progress(String type, JsonNode data) {
		this.bus.send(type, data, this.clientId);
	}

	void preview(byte[] jpeg, String nodeId) {
		boolean metadata = this.clientId != null && this.bus.supportsPreviewMetadata(this.clientId);
		this.bus.sendBinary(
				metadata ? PreviewFrames.withMetadata(jpeg, this.promptId, nodeId) : PreviewFrames.plain(jpeg),
				this.clientId);
	}

	void executedNode(String id, JsonNode output) {
		ObjectNode data = JsonNodeFactory.instance.objectNode();
		data.put("node", id);
		data.put("display_node", id);
		data.set("output", output);
		data.put("prompt_id", this.promptId);
		toClient("executed", data);
	}

	/** {@code executing}: the node that starts running (submitter only). */
	void executing(String id) {
		ObjectNode data = JsonNodeFactory.instance.objectNode();
		data.put("node", id);
		data.put("display_node", id);
		data.put("prompt_id", this.promptId);
		toClient("executing", data);
	}

	static ArrayNode ids(java.util.Collection<String> ids) {
		ArrayNode array = JsonNodeFactory.instance.arrayNode();
		ids.forEach(array::add);
		return array;
	}

	ArrayNode recorded() {
		return this.recorded;
	}

}
