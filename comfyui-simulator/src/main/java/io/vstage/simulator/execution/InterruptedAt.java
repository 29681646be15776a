package io.vstage.simulator.execution;

/** The interrupt flag fired when a node started or at one of its sampler steps. */
final class InterruptedAt extends RuntimeException {

	private final String nodeId;

	InterruptedAt(String nodeId) {
		super(null, null, false, false);
		this.nodeId = nodeId;
	}

	String nodeId() {
		return this.nodeId;
	}

}
