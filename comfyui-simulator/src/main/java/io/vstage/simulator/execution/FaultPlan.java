package io.vstage.simulator.execution;

import java.time.Duration;
import java.util.Optional;

/** The faults the executor consults while it runs a prompt. */
public interface FaultPlan {

	/** A runtime error to raise when this node runs, if one is planned. */
	Optional<InjectedError> errorAt(String nodeId, String classType);

	/** Whether to drop the submitter's WebSocket when this node starts. */
	boolean dropSocketsAt(String nodeId, String classType);

	/** Extra time between {@code execution_success} (or error) and the history write. */
	Duration historyDelay();

	/** Extra time for every executed node (slow runs). */
	Duration extraNodeDelay();

	/**
	 * A planned node failure.
	 *
	 * @param type the Python exception type, e.g. {@code RuntimeError}
	 * @param message the exception message
	 */
	record InjectedError(String type, String message) {
	}

}
