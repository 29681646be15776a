package io.vstage.gateway.usage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.vstage.gateway.keymanager.KeyManagerClient;
import io.vstage.gateway.keymanager.UsageEvent;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Collects usage events in a bounded buffer and sends them to the key manager in batches.
 * A batch that fails is put back and retried on the next tick; when the buffer is full,
 * events are dropped (and counted) rather than slowing requests down.
 */
@Component
class UsageBatcher implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(UsageBatcher.class);

	private final KeyManagerClient keyManager;

	private final UsageProperties properties;

	private final BlockingQueue<UsageEvent> buffer;

	private final AtomicLong dropped = new AtomicLong();

	private @Nullable ScheduledExecutorService executor;

	UsageBatcher(KeyManagerClient keyManager, UsageProperties properties) {
		this.keyManager = keyManager;
		this.properties = properties;
		this.buffer = new ArrayBlockingQueue<>(properties.bufferSize());
	}

	void record(UsageEvent event) {
		if (!this.buffer.offer(event)) {
			this.dropped.incrementAndGet();
		}
	}

	/** Sends what is buffered, batch by batch, until empty or the key manager fails. */
	void flush() {
		while (!this.buffer.isEmpty()) {
			List<UsageEvent> batch = new ArrayList<>(this.properties.batchSize());
			this.buffer.drainTo(batch, this.properties.batchSize());
			try {
				this.keyManager.sendUsage(batch).block();
			}
			catch (RuntimeException ex) {
				batch.forEach(this::record);
				logger.debug("Usage batch of " + batch.size() + " events not delivered, retrying: " + ex.getMessage());
				return;
			}
		}
		long lost = this.dropped.getAndSet(0);
		if (lost > 0) {
			logger.warn(lost + " usage events dropped: the buffer of " + this.properties.bufferSize() + " was full");
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("usage-batches").daemon().factory());
		long interval = this.properties.flushInterval().toMillis();
		scheduler.scheduleWithFixedDelay(this::flush, interval, interval, TimeUnit.MILLISECONDS);
		this.executor = scheduler;
	}

	@Override
	public void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
			flush();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
