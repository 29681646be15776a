package io.vstage.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.vstage.simulator.execution.QueueItem;
import io.vstage.simulator.http.Reply;
import io.vstage.simulator.http.Request;
import io.vstage.simulator.validation.PromptValidator;
import io.vstage.simulator.validation.Validation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /prompt}: priority, prompt id, validation, queueing (PROTOCOL.md section
 * 1).
 */
final class PromptEndpoint {

	private static final Pattern CANONICAL_UUID = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final ServerContext ctx;

	PromptEndpoint(ServerContext ctx) {
		this.ctx = ctx;
	}

	Reply post(Request request) {
		JsonNode body = this.ctx.readJson(request);
		if (!(body instanceof ObjectNode json)) {
			throw new IllegalArgumentException("body is not a JSON object");
		}
		JsonNode number;
		if (json.has("number")) {
			number = NODES.numberNode(pyFloat(json.get("number")));
		}
		else {
			long counter = this.ctx.queue().nextNumber();
			number = NODES.numberNode(json.path("front").asBoolean(false) ? -counter : counter);
		}
		if (!json.has("prompt")) {
			return error(JsonNodeFactory.instance.objectNode()
				.put("type", "no_prompt")
				.put("message", "No prompt provided")
				.put("details", "No prompt provided")
				.set("extra_info", NODES.objectNode()));
		}
		Optional<String> promptId = promptId(json);
		if (promptId.isEmpty()) {
			return error(JsonNodeFactory.instance.objectNode()
				.put("type", "invalid_prompt_id")
				.put("message", "prompt_id must be a valid UUID")
				.put("details", "The prompt_id must be a canonical lowercase UUID string, or null.")
				.set("extra_info", NODES.objectNode()));
		}
		Validation verdict = new PromptValidator(this.ctx.catalog().get(), this.ctx.files()::annotatedExists,
				this.ctx.newer())
			.validate(json.get("prompt"), partialTargets(json));
		return switch (verdict) {
			case Validation.Rejected rejected -> rejected(rejected);
			case Validation.Accepted accepted -> queue(json, number, promptId.get(), accepted);
		};
	}

	private Reply queue(ObjectNode json, JsonNode number, String promptId, Validation.Accepted accepted) {
		JsonNode extra = json.has("extra_data") ? json.get("extra_data").deepCopy() : NODES.objectNode();
		if (!(extra instanceof ObjectNode extraData)) {
			throw new IllegalArgumentException("extra_data is not an object");
		}
		if (json.has("client_id")) {
			extraData.set("client_id", json.get("client_id"));
		}
		if (this.ctx.newer()) {
			extraData.put("create_time", System.currentTimeMillis());
		}
		this.ctx.timings().queued(promptId, Instant.now());
		this.ctx.queue().put(new QueueItem(number, promptId, accepted.prompt(), extraData, accepted.outputs()));
		ObjectNode reply = NODES.objectNode();
		reply.put("prompt_id", promptId);
		reply.set("number", number);
		reply.set("node_errors", accepted.nodeErrors());
		return Reply.json(200, this.ctx.mapper().writeValueAsString(reply));
	}

	private Optional<String> promptId(ObjectNode json) {
		JsonNode given = json.get("prompt_id");
		if (!this.ctx.newer()) {
			// v0.3.64: str(value) verbatim, so null becomes "None" and 123 becomes "123"
			return Optional.of((given == null) ? UUID.randomUUID().toString()
					: given.isNull() ? "None" : given.isString() ? given.asString() : given.toString());
		}
		if (given == null || given.isNull()) {
			return Optional.of(UUID.randomUUID().toString());
		}
		return (given.isString() && CANONICAL_UUID.matcher(given.asString()).matches()) ? Optional.of(given.asString())
				: Optional.empty();
	}

	private static Optional<List<String>> partialTargets(ObjectNode json) {
		JsonNode targets = json.get("partial_execution_targets");
		if (targets == null || targets.isNull()) {
			return Optional.empty();
		}
		List<String> ids = new ArrayList<>();
		targets.values().forEach((t) -> ids.add(t.asString()));
		return Optional.of(ids);
	}

	private static double pyFloat(JsonNode value) {
		if (value.isNumber()) {
			return value.asDouble();
		}
		return Double.parseDouble(value.asString().strip());
	}

	private Reply rejected(Validation.Rejected rejected) {
		ObjectNode body = NODES.objectNode();
		body.set("error", rejected.error());
		body.set("node_errors", rejected.nodeErrors());
		return Reply.json(400, this.ctx.mapper().writeValueAsString(body));
	}

	private Reply error(ObjectNode error) {
		return rejected(new Validation.Rejected(error, NODES.objectNode()));
	}

}
