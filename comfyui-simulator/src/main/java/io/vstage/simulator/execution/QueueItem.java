package io.vstage.simulator.execution;

import java.math.BigDecimal;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One queued prompt: {@code (number, prompt_id, prompt, extra_data, outputs_to_execute)}.
 *
 * @param number the priority (an int from the counter, or the float the client sent)
 * @param promptId the prompt id
 * @param prompt the validated graph
 * @param extraData the extra data, with {@code client_id}
 * @param outputs the output nodes to execute
 */
public record QueueItem(JsonNode number, String promptId, ObjectNode prompt, ObjectNode extraData,
		List<String> outputs) implements Comparable<QueueItem> {

	/**
	 * The comfy.org credential keys that newer servers keep out of the queue and history.
	 */
	static final List<String> SENSITIVE = List.of("auth_token_comfy_org", "api_key_comfy_org");

	/** The submitter's {@code client_id}, or null. */
	public String clientId() {
		JsonNode id = this.extraData.get("client_id");
		return (id == null || id.isNull()) ? null : id.asString();
	}

	@Override
	public int compareTo(QueueItem other) {
		int byNumber = number(this.number).compareTo(number(other.number));
		return (byNumber != 0) ? byNumber : this.promptId.compareTo(other.promptId);
	}

	private static BigDecimal number(JsonNode n) {
		return n.isIntegralNumber() ? new BigDecimal(n.bigIntegerValue()) : BigDecimal.valueOf(n.asDouble());
	}

	/** The 5-element array of {@code /queue} and history. */
	ArrayNode toJson(boolean stripSensitive) {
		ArrayNode array = JsonNodeFactory.instance.arrayNode();
		array.add(this.number);
		array.add(this.promptId);
		array.add(this.prompt);
		ObjectNode extra = this.extraData.deepCopy();
		if (stripSensitive) {
			SENSITIVE.forEach(extra::remove);
		}
		array.add(extra);
		ArrayNode outs = array.addArray();
		this.outputs.forEach(outs::add);
		return array;
	}

}
