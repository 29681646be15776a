package io.vstage.staging.job;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.vstage.staging.engine.EngineEvent;
import io.vstage.staging.engine.EngineInstance;
import io.vstage.staging.engine.EnginePool;

/**
 * Hands pending images to the least-loaded healthy instance, keeping each instance's
 * queue {@code max-inflight} deep so its GPU never waits for the backend between prompts.
 */
@Component
class Dispatcher implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(Dispatcher.class);

	private final LinkedBlockingDeque<String> pending = new LinkedBlockingDeque<>();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition slotFreed = this.lock.newCondition();

	private final EnginePool pool;

	private final ImageRun runs;

	private final java.util.Set<Thread> workers = java.util.concurrent.ConcurrentHashMap.newKeySet();

	private volatile boolean running;

	private Thread loop;

	Dispatcher(EnginePool pool, ImageRun runs) {
		this.pool = pool;
		this.runs = runs;
		// an instance that recovers frees capacity just like a finished prompt
		pool.subscribe((instance, event) -> {
			if (event instanceof EngineEvent.QueueStatus) {
				wake();
			}
		});
	}

	void enqueue(Collection<String> imageIds) {
		this.pending.addAll(imageIds);
	}

	/** Images pending in the backend, not yet on an engine. */
	int backlog() {
		return this.pending.size();
	}

	void reattach(JobImage image, EngineInstance instance) {
		instance.occupy();
		Thread.ofVirtual().name("image-" + image.getId()).start(() -> {
			this.workers.add(Thread.currentThread());
			try {
				if (this.runs.reattach(image, instance)) {
					this.pending.addFirst(image.getId());
				}
			}
			finally {
				this.workers.remove(Thread.currentThread());
				instance.release();
				wake();
			}
		});
	}

	private void dispatchLoop() {
		while (this.running) {
			String imageId;
			try {
				imageId = this.pending.takeFirst();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			try {
				EngineInstance instance = awaitSlot();
				Thread.ofVirtual().name("image-" + imageId).start(() -> runOne(imageId, instance));
			}
			catch (InterruptedException ex) {
				// stopped while waiting for a slot: the image waits for the next start
				this.pending.addFirst(imageId);
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void runOne(String imageId, EngineInstance instance) {
		boolean again = false;
		this.workers.add(Thread.currentThread());
		try {
			again = this.runs.run(imageId, instance);
		}
		catch (RuntimeException ex) {
			logger.error("Image " + imageId + " failed unexpectedly", ex);
		}
		finally {
			this.workers.remove(Thread.currentThread());
			instance.release();
			if (again) {
				this.pending.addFirst(imageId);
			}
			wake();
		}
	}

	private EngineInstance awaitSlot() throws InterruptedException {
		while (true) {
			Optional<EngineInstance> instance = this.pool.acquireLeastLoaded();
			if (instance.isPresent()) {
				return instance.get();
			}
			this.lock.lock();
			try {
				this.slotFreed.await(200, TimeUnit.MILLISECONDS);
			}
			finally {
				this.lock.unlock();
			}
		}
	}

	private void wake() {
		this.lock.lock();
		try {
			this.slotFreed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.loop = Thread.ofPlatform().daemon().name("dispatcher").start(this::dispatchLoop);
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.loop != null) {
			this.loop.interrupt();
		}
		// prompts stay recorded as on their engine; the next start reattaches to them
		this.workers.forEach(Thread::interrupt);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
