package io.vstage.staging.engine;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * One ComfyUI instance: its client, its event stream, its client id and how many prompts
 * the backend has in flight there.
 */
public final class EngineInstance {

	private final URI url;

	private final String clientId;

	private final EngineClient client;

	private @Nullable EngineEventStream stream;

	private final AtomicInteger inflight = new AtomicInteger();

	private volatile boolean healthy;

	private volatile boolean simulated;

	private volatile @Nullable String problem = "not checked yet";

	private final Clock clock;

	/** When the instance last stopped being healthy (its creation until it first is). */
	private volatile @Nullable Instant unhealthySince;

	EngineInstance(URI url, String clientId, EngineClient client, Clock clock) {
		this.url = url;
		this.clientId = clientId;
		this.client = client;
		this.clock = clock;
		this.unhealthySince = clock.instant();
	}

	void attach(EngineEventStream stream) {
		this.stream = stream;
	}

	public URI url() {
		return this.url;
	}

	public String clientId() {
		return this.clientId;
	}

	public EngineClient client() {
		return this.client;
	}

	public EngineEventStream stream() {
		if (this.stream == null) {
			throw new IllegalStateException("stream not attached");
		}
		return this.stream;
	}

	public int inflight() {
		return this.inflight.get();
	}

	public boolean isHealthy() {
		return this.healthy;
	}

	public boolean isSimulated() {
		return this.simulated;
	}

	public @Nullable String problem() {
		return this.problem;
	}

	/** Takes one of the instance's slots, unless all {@code max} are taken. */
	boolean tryAcquire(int max) {
		int current;
		do {
			current = this.inflight.get();
			if (current >= max) {
				return false;
			}
		}
		while (!this.inflight.compareAndSet(current, current + 1));
		return true;
	}

	/**
	 * Takes a slot whatever the limit: for prompts found on the engine after a restart.
	 */
	public void occupy() {
		this.inflight.incrementAndGet();
	}

	public void release() {
		this.inflight.decrementAndGet();
	}

	/** Whether the instance has been unhealthy, without a break, for longer than this. */
	public boolean unhealthyLongerThan(Duration duration) {
		Instant since = this.unhealthySince;
		return !this.healthy && since != null && since.plus(duration).isBefore(this.clock.instant());
	}

	void healthy(boolean simulated) {
		this.unhealthySince = null;
		this.healthy = true;
		this.simulated = simulated;
		this.problem = null;
	}

	/** Marks the instance unhealthy until the next successful health check. */
	public void unhealthy(String problem) {
		if (this.healthy || this.unhealthySince == null) {
			this.unhealthySince = this.clock.instant();
		}
		this.healthy = false;
		this.problem = problem;
	}

}
