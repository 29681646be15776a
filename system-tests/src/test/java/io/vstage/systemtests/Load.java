package io.vstage.systemtests;

import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Requests sent at a steady pace while a fault is injected: each request runs on its own
 * virtual thread (so one that hangs never slows the others) and is recorded with its
 * answer, its latency and the phases of the test it started and ended in.
 */
final class Load implements AutoCloseable {

	/**
	 * Status of a request that got no answer: none within the API's request timeout, or
	 * the connection failed.
	 */
	static final int NO_ANSWER = -1;

	private final ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();

	private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();

	private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

	private volatile String phase;

	Load(String phase) {
		this.phase = phase;
	}

	/** One request and what came of it. */
	record Call(String what, String startPhase, String endPhase, SuiteApi.Answer answer, Duration latency) {

		int status() {
			return this.answer.status();
		}

		/** Whether the request started and ended in that phase. */
		boolean within(String phase) {
			return phase.equals(this.startPhase) && phase.equals(this.endPhase);
		}

		@Override
		public String toString() {
			return this.what + " [" + this.startPhase + "→" + this.endPhase + "] " + this.answer.status() + " "
					+ this.answer.body() + " in " + this.latency.toMillis() + " ms";
		}

	}

	/** Marks the calls that start from now on. */
	void phase(String value) {
		this.phase = value;
	}

	/** Sends a request every period (the first one now), labelled what. */
	void every(Duration period, String what, Supplier<SuiteApi.Answer> request) {
		this.pace.scheduleAtFixedRate(() -> this.requests.submit(() -> record(what, request)), 0, period.toNanos(),
				TimeUnit.NANOSECONDS);
	}

	private void record(String what, Supplier<SuiteApi.Answer> request) {
		String started = this.phase;
		long start = System.nanoTime();
		SuiteApi.Answer answer;
		try {
			answer = request.get();
		}
		catch (UncheckedIOException ex) {
			answer = new SuiteApi.Answer(NO_ANSWER,
					JsonNodeFactory.instance.objectNode()
						.put("error", String.valueOf(ex.getCause()))
						.put("timed_out", ex.getCause() instanceof HttpTimeoutException));
		}
		this.calls.add(new Call(what, started, this.phase, answer, Duration.ofNanos(System.nanoTime() - start)));
	}

	/** Every call answered so far. */
	List<Call> calls() {
		return List.copyOf(this.calls);
	}

	List<Call> calls(Predicate<Call> which) {
		return this.calls.stream().filter(which).toList();
	}

	/**
	 * How many calls of each kind (the label up to its first space) got which status in
	 * which phases, with the slowest answer: for the test's output.
	 */
	String summary() {
		Map<String, List<Call>> groups = new TreeMap<>();
		for (Call call : this.calls) {
			String kind = call.what().split(" ")[0] + " " + call.startPhase() + "→" + call.endPhase() + " "
					+ call.status();
			groups.computeIfAbsent(kind, (key) -> new ArrayList<>()).add(call);
		}
		StringBuilder text = new StringBuilder();
		groups.forEach((kind, calls) -> text.append("\n  ")
			.append(kind)
			.append(": ")
			.append(calls.size())
			.append(" (slowest ")
			.append(calls.stream().mapToLong((call) -> call.latency().toMillis()).max().orElse(0))
			.append(" ms)"));
		return text.toString();
	}

	/** Stops sending and waits for the requests in flight to be answered. */
	@Override
	public void close() {
		this.pace.shutdownNow();
		this.requests.shutdown();
		try {
			if (!this.requests.awaitTermination(2, TimeUnit.MINUTES)) {
				throw new IllegalStateException("requests still unanswered after 2 minutes");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
