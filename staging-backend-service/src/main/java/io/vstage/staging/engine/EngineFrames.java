package io.vstage.staging.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.vstage.staging.engine.EngineEvent.Connected;
import io.vstage.staging.engine.EngineEvent.ExecutionFailed;
import io.vstage.staging.engine.EngineEvent.ExecutionInterrupted;
import io.vstage.staging.engine.EngineEvent.ExecutionStarted;
import io.vstage.staging.engine.EngineEvent.ExecutionSucceeded;
import io.vstage.staging.engine.EngineEvent.Ignored;
import io.vstage.staging.engine.EngineEvent.NodeExecuting;
import io.vstage.staging.engine.EngineEvent.Preview;
import io.vstage.staging.engine.EngineEvent.Progress;
import io.vstage.staging.engine.EngineEvent.PromptFinished;
import io.vstage.staging.engine.EngineEvent.QueueStatus;

/**
 * Parses WebSocket frames (PROTOCOL.md 6.2 and 6.3) into {@link EngineEvent}s.
 */
class EngineFrames {

	private final JsonMapper json;

	EngineFrames(JsonMapper json) {
		this.json = json;
	}

	EngineEvent text(String frame) {
		JsonNode message;
		try {
			message = this.json.readTree(frame);
		}
		catch (RuntimeException ex) {
			return new Ignored("malformed");
		}
		String type = message.path("type").asString("");
		JsonNode data = message.path("data");
		String promptId = data.path("prompt_id").asString("");
		return switch (type) {
			case "status" -> data.hasNonNull("sid") ? new Connected(data.path("sid").asString())
					: new QueueStatus(data.path("status").path("exec_info").path("queue_remaining").asInt(0));
			case "execution_start" -> new ExecutionStarted(promptId);
			case "executing" -> executing(data, promptId);
			case "progress" -> new Progress(promptId, data.path("node").asString(null), data.path("value").asInt(0),
					data.path("max").asInt(1));
			case "execution_success" -> new ExecutionSucceeded(promptId);
			// an error without a timestamp is an ExecutionBlocked notice; the prompt
			// carries on
			case "execution_error" ->
				data.has("timestamp") ? new ExecutionFailed(promptId, data.path("node_id").asString("?"),
						data.path("node_type").asString("?"), data.path("exception_type").asString("error"),
						HistoryParser.describeError(data)) : new Ignored("execution_error (non-terminal)");
			case "execution_interrupted" -> new ExecutionInterrupted(promptId, data.path("node_id").asString(null));
			default -> new Ignored(type);
		};
	}

	EngineEvent binary(ByteBuffer frame) {
		if (frame.remaining() < 4) {
			return new Ignored("short binary frame");
		}
		int kind = frame.getInt();
		return switch (kind) {
			case 1 -> new Preview(null, (frame.remaining() >= 4 && frame.getInt() == 2) ? "image/png" : "image/jpeg",
					frame.remaining());
			case 4 -> previewWithMetadata(frame);
			default -> new Ignored("binary " + kind);
		};
	}

	private EngineEvent previewWithMetadata(ByteBuffer frame) {
		int length = frame.getInt();
		byte[] metadata = new byte[Math.min(length, frame.remaining())];
		frame.get(metadata);
		JsonNode meta = this.json.readTree(new String(metadata, StandardCharsets.UTF_8));
		return new Preview(meta.path("prompt_id").asString(null), meta.path("image_type").asString("image/jpeg"),
				frame.remaining());
	}

	private static EngineEvent executing(JsonNode data, String promptId) {
		JsonNode node = data.path("display_node").isString() ? data.path("display_node") : data.path("node");
		if (node.isNull() || node.isMissingNode()) {
			return new PromptFinished(promptId);
		}
		return new NodeExecuting(promptId.isEmpty() ? null : promptId, node.asString());
	}

}
