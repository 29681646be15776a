package io.vstage.simulator.execution;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How long simulated work takes: fixed delays per node and step, or a fixed time per
 * prompt spread evenly over the nodes and sampler steps that will run.
 */
final class Pacing {

	private final ExecutionSettings settings;

	private final long startNanos = System.nanoTime();

	private final Duration unit;

	private boolean worked;

	Pacing(ExecutionSettings settings, ObjectNode prompt, List<String> staged, Predicate<String> cached) {
		this.settings = settings;
		long units = 0;
		for (String id : staged) {
			if (!cached.test(id)) {
				JsonNode steps = prompt.get(id).path("inputs").path("steps");
				units += 1 + (steps.isNumber() ? steps.asLong() : 0);
			}
		}
		long parts = Math.max(1, units);
		this.unit = settings.promptDuration().map((d) -> d.dividedBy(parts)).orElse(Duration.ZERO);
	}

	void node(Duration extra) {
		this.worked = true;
		sleep(this.settings.promptDuration().isPresent() ? this.unit : this.settings.nodeDelay());
		sleep(extra);
	}

	void step() {
		sleep(this.settings.promptDuration().isPresent() ? this.unit : this.settings.stepDelay());
	}

	/** Tops the prompt up to its fixed duration, if one is set and any node ran. */
	void finish() {
		if (this.worked && this.settings.promptDuration().isPresent()) {
			long left = this.settings.promptDuration().get().toNanos() - (System.nanoTime() - this.startNanos);
			sleep(Duration.ofNanos(Math.max(0, left)));
		}
	}

	private static void sleep(Duration d) {
		if (d.isZero() || d.isNegative()) {
			return;
		}
		try {
			Thread.sleep(d);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
