package io.vstage.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vstage.simulator.execution.RunListener;

/** Per-prompt queue, start and finish times, kept for benchmarks. */
final class Timings implements RunListener {

	private final Map<String, Instant> queued = new ConcurrentHashMap<>();

	private final Map<String, Instant> started = new ConcurrentHashMap<>();

	private final List<PromptTiming> finished = new CopyOnWriteArrayList<>();

	void queued(String promptId, Instant at) {
		this.queued.put(promptId, at);
	}

	@Override
	public void started(String promptId, Instant at) {
		this.started.put(promptId, at);
	}

	@Override
	public void finished(String promptId, Instant at, String outcome) {
		Instant start = this.started.remove(promptId);
		Instant queuedAt = this.queued.remove(promptId);
		this.finished.add(new PromptTiming(promptId, (queuedAt != null) ? queuedAt : start, start, at, outcome));
	}

	List<PromptTiming> finished() {
		return List.copyOf(this.finished);
	}

}
