package io.vstage.simulator.execution;

import java.time.Duration;
import java.util.Optional;

/**
 * How long simulated work takes and what the executor sends.
 *
 * @param stepDelay time per sampler step
 * @param nodeDelay time per executed node
 * @param promptDuration when present, each prompt takes this long in total, spread over
 * its nodes and steps (step and node delays are then ignored)
 * @param previews whether sampler steps send binary preview frames
 * @param newer whether the newer line's extras are on (history output metadata)
 */
public record ExecutionSettings(Duration stepDelay, Duration nodeDelay, Optional<Duration> promptDuration,
		boolean previews, boolean newer) {
}
