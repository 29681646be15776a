package io.vstage.simulator.execution;

import java.time.Instant;

/** Told when the worker starts and finishes a prompt (for timing records). */
public interface RunListener {

	/** The worker took the prompt from the queue. */
	void started(String promptId, Instant at);

	/**
	 * The history entry is written.
	 * @param promptId the prompt
	 * @param at when
	 * @param outcome {@code success}, {@code error} or {@code interrupted}
	 */
	void finished(String promptId, Instant at, String outcome);

}
