package io.vstage.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.vstage.simulator.http.Reply;
import io.vstage.simulator.http.Request;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /queue}, {@code /prompt} (GET), {@code /interrupt} and {@code /history}
 * (PROTOCOL.md sections 3 and 5).
 */
final class QueueEndpoints {

	private final ServerContext ctx;

	QueueEndpoints(ServerContext ctx) {
		this.ctx = ctx;
	}

	Reply promptInfo() {
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		body.putObject("exec_info").put("queue_remaining", this.ctx.queue().remaining());
		return json(body);
	}

	Reply queue() {
		return json(this.ctx.queue().queueJson());
	}

	Reply editQueue(Request request) {
		JsonNode body = this.ctx.readJson(request);
		if (body.has("clear") && body.get("clear").asBoolean(false)) {
			this.ctx.queue().wipe();
		}
		if (body.has("delete")) {
			ids(body.get("delete")).forEach(this.ctx.queue()::delete);
		}
		return Reply.empty(200);
	}

	Reply interrupt(Request request) {
		JsonNode body;
		try {
			body = (request.body().length == 0) ? JsonNodeFactory.instance.objectNode() : this.ctx.readJson(request);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			body = JsonNodeFactory.instance.objectNode();
		}
		if (!body.isObject()) {
			throw new IllegalArgumentException("interrupt body is not an object");
		}
		JsonNode promptId = body.get("prompt_id");
		boolean targeted = promptId != null && !promptId.isNull() && !promptId.asString("").isEmpty();
		if (!targeted || this.ctx.queue().runningIds().contains(promptId.asString())) {
			this.ctx.engine().interrupt();
		}
		return Reply.empty(200);
	}

	Reply history(Request request) {
		Optional<String> maxItems = request.param("max_items");
		Optional<String> offset = request.param("offset");
		Integer max = maxItems.map(String::strip).map(Integer::parseInt).orElse(null);
		int from = offset.map(String::strip).map(Integer::parseInt).orElse(-1);
		return json(this.ctx.queue().history().window(max, from));
	}

	Reply historyEntry(String promptId) {
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		this.ctx.queue().history().get(promptId).ifPresent((entry) -> body.set(promptId, entry));
		return json(body);
	}

	Reply editHistory(Request request) {
		JsonNode body = this.ctx.readJson(request);
		boolean clear = body.has("clear") && body.get("clear").asBoolean(false);
		this.ctx.queue().history().edit(clear, body.has("delete") ? ids(body.get("delete")) : List.of());
		return Reply.empty(200);
	}

	private static List<String> ids(JsonNode list) {
		List<String> ids = new ArrayList<>();
		list.values().forEach((id) -> ids.add(id.asString()));
		return ids;
	}

	private Reply json(JsonNode body) {
		return Reply.json(200, this.ctx.mapper().writeValueAsString(body));
	}

}
