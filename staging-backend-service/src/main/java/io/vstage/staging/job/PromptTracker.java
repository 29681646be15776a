package io.vstage.staging.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.vstage.staging.engine.EngineEvent;
import io.vstage.staging.engine.EngineEventListener;
import io.vstage.staging.engine.EngineInstance;
import io.vstage.staging.engine.EnginePool;
import io.vstage.staging.engine.QueueSnapshot;

/**
 * Follows every prompt in flight: WebSocket events signal its end; when a socket
 * reconnects or stays silent, {@code /history} and {@code /queue} tell what became of
 * each prompt.
 */
@Component
class PromptTracker implements EngineEventListener {

	private static final Log logger = LogFactory.getLog(PromptTracker.class);

	private final Map<String, Watch> watches = new ConcurrentHashMap<>();

	private final Map<EngineInstance, Instant> unreachableSince = new ConcurrentHashMap<>();

	private final EnginePool pool;

	private final JobLedger ledger;

	private final JobEvents events;

	private final JobViews views;

	private final Clock clock;

	PromptTracker(EnginePool pool, JobLedger ledger, JobEvents events, JobViews views, Clock clock) {
		this.pool = pool;
		this.ledger = ledger;
		this.events = events;
		this.views = views;
		this.clock = clock;
		pool.subscribe(this);
	}

	/**
	 * Starts following a prompt; call before sending it, since its events can beat the
	 * reply.
	 */
	Watch watch(String promptId, JobImage image, EngineInstance instance) {
		Watch watch = new Watch(promptId, image.getId(), image.getJobId(), image.getPosition(), instance);
		this.watches.put(promptId, watch);
		return watch;
	}

	/**
	 * Follows a prompt another client queued (another backend, or this one before a
	 * restart): ComfyUI sends its events only to that client, so it is polled.
	 */
	Watch watchQueuedElsewhere(String promptId, JobImage image, EngineInstance instance) {
		Watch watch = watch(promptId, image, instance);
		watch.polled = true;
		watch.sent();
		return watch;
	}

	void forget(String promptId) {
		this.watches.remove(promptId);
	}

	/** The jobs with a prompt being followed. */
	Set<String> followedJobs() {
		return this.watches.values()
			.stream()
			.filter((watch) -> !watch.signal.isDone())
			.map((watch) -> watch.jobId)
			.collect(Collectors.toSet());
	}

	/**
	 * Stops following a job's prompts: with {@code interrupt} they are also removed from
	 * their engine (the job was cancelled elsewhere); without, they are left running for
	 * the backend that took the job over.
	 */
	void stopJob(String jobId, boolean interrupt) {
		for (Watch watch : this.watches.values()) {
			if (!watch.jobId.equals(jobId) || watch.signal.isDone()) {
				continue;
			}
			if (interrupt) {
				// off the caller's thread: a hanging engine must not delay the lease
				// heartbeat
				Thread.ofVirtual().start(() -> {
					try {
						watch.instance.client().deletePending(watch.promptId);
						watch.instance.client().interrupt(watch.promptId);
					}
					catch (RuntimeException ex) {
						logger.debug("Could not stop prompt " + watch.promptId + ": " + ex.getMessage());
					}
				});
			}
			watch.signal.complete(Signal.CANCELLED);
		}
	}

	void cancel(String promptId) {
		Watch watch = this.watches.get(promptId);
		if (watch != null) {
			watch.signal.complete(Signal.CANCELLED);
		}
	}

	@Override
	public void onEvent(EngineInstance instance, EngineEvent event) {
		switch (event) {
			case EngineEvent.Connected connected -> Thread.ofVirtual().start(() -> reconcile(instance));
			case EngineEvent.ExecutionStarted started -> withWatch(started.promptId(), this::markRunning);
			case EngineEvent.Progress progress -> withWatch(progress.promptId(), (watch) -> {
				// execution_start may have been sent while our socket was away
				markRunning(watch);
				int percent = progress.value() * 100 / Math.max(1, progress.max());
				this.views.progress(watch.imageId, percent);
				this.events.publish(watch.jobId, "progress",
						new ProgressEvent(watch.position, percent, progress.value(), progress.max(), progress.node()));
			});
			case EngineEvent.ExecutionSucceeded succeeded -> withWatch(succeeded.promptId(), Watch::terminal);
			case EngineEvent.ExecutionFailed failed -> withWatch(failed.promptId(), Watch::terminal);
			case EngineEvent.ExecutionInterrupted interrupted -> withWatch(interrupted.promptId(), Watch::terminal);
			case EngineEvent.PromptFinished finished ->
				withWatch(finished.promptId(), (watch) -> watch.signal.complete(Signal.FINISHED));
			case EngineEvent.Disconnected disconnected -> logger.debug(instance.url() + " " + disconnected.reason());
			case EngineEvent.QueueStatus status -> {
			}
			case EngineEvent.NodeExecuting executing -> {
			}
			case EngineEvent.Preview preview -> {
			}
			case EngineEvent.Ignored ignored -> {
			}
		}
	}

	/** Reconciles instances whose socket is down or has been silent too long. */
	@Scheduled(fixedDelay = 1000)
	void watchdog() {
		Duration silence = this.pool.properties().silenceTimeout();
		for (EngineInstance instance : this.pool.instances()) {
			if (this.watches.values().stream().noneMatch((watch) -> watch.instance == instance)) {
				continue;
			}
			Duration quiet = Duration.between(instance.stream().lastMessageAt(), this.clock.instant());
			boolean polled = this.watches.values()
				.stream()
				.anyMatch((watch) -> watch.instance == instance && watch.polled);
			if (!instance.stream().isConnected() || quiet.compareTo(silence) > 0 || polled) {
				reconcile(instance);
			}
			if (quiet.compareTo(silence.multipliedBy(3)) > 0 && instance.stream().isConnected()) {
				// the server may have unregistered our socket (PROTOCOL.md 6.1); start
				// afresh
				instance.stream().reconnect("silent for " + quiet.toSeconds() + " s");
			}
		}
	}

	void reconcile(EngineInstance instance) {
		List<Watch> open = this.watches.values()
			.stream()
			.filter((watch) -> watch.instance == instance && !watch.signal.isDone())
			.toList();
		if (open.isEmpty()) {
			return;
		}
		QueueSnapshot queue;
		try {
			queue = instance.client().queue();
		}
		catch (RuntimeException ex) {
			logger.debug("Reconciliation with " + instance.url() + " failed: " + ex.getMessage());
			unreachable(instance, open, ex);
			return;
		}
		this.unreachableSince.remove(instance);
		try {
			for (Watch watch : open) {
				if (queue.running().contains(watch.promptId)) {
					watch.misses = 0;
					markRunning(watch);
				}
				else if (queue.pending().contains(watch.promptId)) {
					watch.misses = 0;
				}
				else if (instance.client().history(watch.promptId, java.util.Set.of()).isPresent()) {
					watch.signal.complete(Signal.FINISHED);
				}
				else if (watch.onEngine && !watch.terminalSeen && ++watch.misses >= 2) {
					// neither queued nor in history twice in a row: the engine lost it
					// (e.g. restarted). Only once the engine has accepted it: a prompt
					// still being uploaded or queued is on no engine yet, and marking it
					// lost would send it a second time.
					watch.signal.complete(Signal.LOST);
				}
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Reconciliation with " + instance.url() + " failed: " + ex.getMessage());
		}
	}

	/**
	 * A dead instance (socket down, {@code /queue} unreachable) past a short grace
	 * period: its prompts are sent elsewhere rather than waited for until their deadline.
	 */
	private void unreachable(EngineInstance instance, List<Watch> open, RuntimeException ex) {
		if (instance.stream().isConnected()) {
			this.unreachableSince.remove(instance);
			return;
		}
		Instant now = this.clock.instant();
		Instant since = this.unreachableSince.computeIfAbsent(instance, (key) -> now);
		Duration down = Duration.between(since, now);
		if (down.compareTo(this.pool.properties().unreachableTimeout()) < 0) {
			return;
		}
		this.unreachableSince.remove(instance);
		instance.unhealthy(String.valueOf(ex.getMessage()));
		logger.warn(instance.url() + " unreachable for " + down.toSeconds() + " s: its " + open.size()
				+ " prompts go to another instance");
		open.forEach((watch) -> watch.signal.complete(Signal.UNREACHABLE));
	}

	private void markRunning(Watch watch) {
		if (!watch.started) {
			watch.started = true;
			Thread.ofVirtual().start(() -> this.ledger.running(watch.imageId));
		}
	}

	private void withWatch(String promptId, java.util.function.Consumer<Watch> action) {
		Watch watch = this.watches.get(promptId);
		if (watch != null) {
			action.accept(watch);
		}
	}

	/** What ended the wait for a prompt. */
	enum Signal {

		FINISHED, LOST, UNREACHABLE, CANCELLED

	}

	/** Progress of one image, for SSE. */
	record ProgressEvent(int imageIndex, int percent, int step, int steps,
			@org.jspecify.annotations.Nullable String node) {
	}

	/** One prompt being followed. */
	static final class Watch {

		final String promptId;

		final String imageId;

		final String jobId;

		final int position;

		final EngineInstance instance;

		final CompletableFuture<Signal> signal = new CompletableFuture<>();

		volatile boolean started;

		volatile boolean terminalSeen;

		volatile boolean polled;

		/** Whether the engine has accepted the prompt ({@code POST /prompt} answered). */
		volatile boolean onEngine;

		int misses;

		Watch(String promptId, String imageId, String jobId, int position, EngineInstance instance) {
			this.promptId = promptId;
			this.imageId = imageId;
			this.jobId = jobId;
			this.position = position;
			this.instance = instance;
		}

		void sent() {
			this.onEngine = true;
		}

		void terminal() {
			this.terminalSeen = true;
		}

	}

}
