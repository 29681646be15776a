package io.vstage.simulator.execution;

/** A node's runtime failure, reported as {@code execution_error}. */
final class NodeFailure extends RuntimeException {

	private final String type;

	NodeFailure(String type, String message) {
		super(message, null, false, false);
		this.type = type;
	}

	String type() {
		return this.type;
	}

}
