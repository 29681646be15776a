package io.vstage.staging.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.vstage.staging.engine.HistoryEntry.Outcome;

/**
 * Reads one {@code /history} entry; tolerates a missing or {@code null} status (old
 * servers).
 */
final class HistoryParser {

	private HistoryParser() {
	}

	static HistoryEntry parse(JsonNode entry, Set<String> outputNodes) {
		List<ImageRef> images = new ArrayList<>();
		for (String node : outputNodes) {
			for (JsonNode image : entry.path("outputs").path(node).path("images")) {
				images.add(new ImageRef(image.path("filename").asString(""), image.path("subfolder").asString(""),
						image.path("type").asString("output")));
			}
		}
		JsonNode status = entry.path("status");
		if (!status.isObject() || status.path("completed").asBoolean(false)
				|| "success".equals(status.path("status_str").asString(""))) {
			return new HistoryEntry(Outcome.SUCCESS, images, null);
		}
		JsonNode last = lastOutcomeMessage(status.path("messages"));
		if (last != null && "execution_interrupted".equals(last.path(0).asString(""))) {
			return new HistoryEntry(Outcome.INTERRUPTED, images, "interrupted");
		}
		String reason = (last != null) ? describeError(last.path(1)) : "the engine reported an error";
		return new HistoryEntry(Outcome.ERROR, images, reason);
	}

	static String describeError(JsonNode data) {
		return "node " + data.path("node_id").asString("?") + " (" + data.path("node_type").asString("?") + ") failed: "
				+ data.path("exception_type").asString("error") + ": "
				+ data.path("exception_message").asString("").strip();
	}

	private static @Nullable JsonNode lastOutcomeMessage(JsonNode messages) {
		JsonNode last = null;
		for (JsonNode message : messages) {
			String type = message.path(0).asString("");
			if (type.equals("execution_error") || type.equals("execution_interrupted")) {
				last = message;
			}
		}
		return last;
	}

}
