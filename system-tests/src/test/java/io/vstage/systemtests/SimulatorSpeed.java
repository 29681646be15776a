package io.vstage.systemtests;

/**
 * How fast the simulator runs prompts in the browser tests: slow enough that progress,
 * queue position and cancel can be seen, fast enough to keep the run short.
 */
final class SimulatorSpeed {

	static final String[] ARGUMENTS = { "--prompt-millis", "2500" };

	private SimulatorSpeed() {
	}

}
