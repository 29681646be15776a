package io.vstage.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * When one prompt was queued, taken by the worker and finished (history written).
 *
 * @param promptId the prompt id
 * @param queuedAt when {@code POST /prompt} accepted it
 * @param startedAt when the worker took it
 * @param finishedAt when its history entry was written
 * @param outcome {@code success}, {@code error} or {@code interrupted}
 */
public record PromptTiming(String promptId, Instant queuedAt, Instant startedAt, Instant finishedAt, String outcome) {

	/** Time spent waiting in the queue. */
	public Duration queueWait() {
		return Duration.between(this.queuedAt, this.startedAt);
	}

	/** Time spent executing. */
	public Duration runTime() {
		return Duration.between(this.startedAt, this.finishedAt);
	}

}
