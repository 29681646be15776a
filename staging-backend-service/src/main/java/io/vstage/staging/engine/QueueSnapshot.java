package io.vstage.staging.engine;

import java.util.Set;

/**
 * Prompt ids running and pending on an engine ({@code GET /queue}).
 */
public record QueueSnapshot(Set<String> running, Set<String> pending) {

	public QueueSnapshot {
		running = Set.copyOf(running);
		pending = Set.copyOf(pending);
	}

	public boolean contains(String promptId) {
		return this.running.contains(promptId) || this.pending.contains(promptId);
	}

}
