package io.vstage.staging.job;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events per job. A subscriber first gets the current state (so a client that
 * reconnects with Last-Event-ID misses nothing that matters), then live events.
 */
@Component
class JobEvents {

	private static final long TIMEOUT_MILLIS = 30 * 60 * 1000L;

	private final AtomicLong sequence = new AtomicLong();

	private final Map<String, List<SseEmitter>> emitters = new ConcurrentHashMap<>();

	/**
	 * Registers a stream for the job, then sends its current state: registering first
	 * means an event published meanwhile (even the final one) reaches the stream.
	 */
	SseEmitter subscribe(String jobId, Supplier<JobView> state) {
		SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
		List<SseEmitter> list = this.emitters.computeIfAbsent(jobId, (id) -> new CopyOnWriteArrayList<>());
		list.add(emitter);
		emitter.onCompletion(() -> list.remove(emitter));
		emitter.onTimeout(() -> list.remove(emitter));
		emitter.onError((ex) -> list.remove(emitter));
		JobView current = state.get();
		send(emitter, stateEvent(current.status()), current, this.sequence.get());
		if (isFinal(current.status())) {
			emitter.complete();
		}
		return emitter;
	}

	void publish(String jobId, String name, Object data) {
		long id = this.sequence.incrementAndGet();
		List<SseEmitter> list = this.emitters.getOrDefault(jobId, List.of());
		for (SseEmitter emitter : list) {
			send(emitter, name, data, id);
			if (isFinal(name)) {
				emitter.complete();
			}
		}
		if (isFinal(name)) {
			this.emitters.remove(jobId);
		}
	}

	/** Jobs with at least one open stream. */
	Set<String> watchedJobs() {
		Set<String> watched = new HashSet<>();
		this.emitters.forEach((jobId, list) -> {
			if (!list.isEmpty()) {
				watched.add(jobId);
			}
		});
		return watched;
	}

	static String stateEvent(String status) {
		return status.equals("running") ? "started" : status;
	}

	private static boolean isFinal(String name) {
		return name.equals("completed") || name.equals("failed") || name.equals("cancelled");
	}

	private static void send(SseEmitter emitter, String name, Object data, long id) {
		try {
			emitter.send(SseEmitter.event().id(Long.toString(id)).name(name).data(data, MediaType.APPLICATION_JSON));
		}
		catch (IOException | IllegalStateException ex) {
			// the client went away; its emitter is removed by the completion callback
			emitter.completeWithError(ex);
		}
	}

}
