package io.vstage.staging.engine;

import org.jspecify.annotations.Nullable;

/**
 * A message from an engine's WebSocket, parsed; unknown message types become
 * {@link Ignored}.
 */
public sealed interface EngineEvent {

	/** The socket is open and the server sent its first {@code status}. */
	record Connected(String sid) implements EngineEvent {
	}

	/** The socket closed or failed; a reconnect follows. */
	record Disconnected(String reason) implements EngineEvent {
	}

	/** Queue length broadcast ({@code status}). */
	record QueueStatus(int queueRemaining) implements EngineEvent {
	}

	/** A prompt began executing. */
	record ExecutionStarted(String promptId) implements EngineEvent {
	}

	/** A node began; the prompt id is absent in the copy sent on reconnect. */
	record NodeExecuting(@Nullable String promptId, String node) implements EngineEvent {
	}

	/** A progress tick of a sampler-like node. */
	record Progress(String promptId, @Nullable String node, int value, int max) implements EngineEvent {
	}

	/** The prompt ran to its end successfully (history may not be written yet). */
	record ExecutionSucceeded(String promptId) implements EngineEvent {
	}

	/** A terminal runtime error in a node. */
	record ExecutionFailed(String promptId, String nodeId, String nodeType, String exceptionType,
			String message) implements EngineEvent {
	}

	/** The prompt was interrupted. */
	record ExecutionInterrupted(String promptId, @Nullable String nodeId) implements EngineEvent {
	}

	/**
	 * {@code executing} with a null node: the last message of a prompt, history is
	 * readable.
	 */
	record PromptFinished(String promptId) implements EngineEvent {
	}

	/** A binary preview frame. */
	record Preview(@Nullable String promptId, String mediaType, int size) implements EngineEvent {
	}

	/** A message type the backend does not use. */
	record Ignored(String type) implements EngineEvent {
	}

}
