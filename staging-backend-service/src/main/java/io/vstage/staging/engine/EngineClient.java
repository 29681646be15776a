package io.vstage.staging.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ComfyUI HTTP API of one instance, as far as the backend uses it.
 */
public interface EngineClient {

	/** {@code POST /upload/image}; answers the name to put into LoadImage. */
	String uploadImage(String fileName, Path file);

	/** {@code POST /prompt} with a client-chosen prompt id. */
	void queuePrompt(String promptId, String clientId, ObjectNode workflow);

	/** {@code GET /history/{id}}; empty while the prompt has not finished. */
	Optional<HistoryEntry> history(String promptId, Set<String> outputNodes);

	/** {@code GET /queue}. */
	QueueSnapshot queue();

	/** {@code POST /interrupt} for one prompt (a no-op unless it is running). */
	void interrupt(String promptId);

	/** {@code POST /queue} delete: removes a prompt that is still pending. */
	void deletePending(String promptId);

	/** {@code GET /view}, streamed into {@code target}. */
	void download(ImageRef image, Path target);

	/** {@code GET /object_info}: node class names. */
	Set<String> nodeClasses();

	/** {@code GET /models/{folder}}; empty when the folder is unknown. */
	List<String> models(String folder);

	/** {@code GET /system_stats}. */
	JsonNode systemStats();

}
