package io.vstage.simulator.execution;

/** A node failed at run time; ends the prompt with {@code execution_error}. */
final class NodeFailureAt extends RuntimeException {

	private final String nodeId;

	private final NodeFailure failure;

	NodeFailureAt(String nodeId, NodeFailure failure) {
		super(null, null, false, false);
		this.nodeId = nodeId;
		this.failure = failure;
	}

	String nodeId() {
		return this.nodeId;
	}

	NodeFailure failure() {
		return this.failure;
	}

}
