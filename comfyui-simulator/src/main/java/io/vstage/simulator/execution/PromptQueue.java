package io.vstage.simulator.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * ComfyUI's {@code PromptQueue}: a heap of pending items, the running item, and the
 * history; every change broadcasts {@code status} while the lock is held, so status
 * messages keep the order of the changes.
 */
public final class PromptQueue {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition notEmpty = this.lock.newCondition();

	private final Heap<QueueItem> pending = new Heap<>();

	private final List<QueueItem> running = new ArrayList<>();

	private final History history = new History();

	private final MessageBus bus;

	private final boolean newer;

	private long counter;

	/**
	 * An empty queue announcing its changes on the bus.
	 * @param bus the WebSocket bus
	 * @param newer whether {@code /queue} strips the credential keys as newer servers do
	 */
	public PromptQueue(MessageBus bus, boolean newer) {
		this.bus = bus;
		this.newer = newer;
		bus.attach(this);
	}

	/**
	 * The next priority number from the server's counter (advanced on every submission).
	 */
	public long nextNumber() {
		this.lock.lock();
		try {
			return this.counter++;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Queues an item and broadcasts {@code status}. */
	public void put(QueueItem item) {
		this.lock.lock();
		try {
			this.pending.push(item);
			this.bus.send("status", statusData(), null);
			this.notEmpty.signal();
		}
		finally {
			this.lock.unlock();
		}
	}

	QueueItem take() throws InterruptedException {
		this.lock.lock();
		try {
			while (this.pending.items().isEmpty()) {
				this.notEmpty.await();
			}
			QueueItem item = this.pending.pop();
			this.running.add(item);
			this.bus.send("status", statusData(), null);
			return item;
		}
		finally {
			this.lock.unlock();
		}
	}

	void taskDone(QueueItem item, ObjectNode entry) {
		this.lock.lock();
		try {
			this.running.remove(item);
			this.history.record(item.promptId(), entry);
			this.bus.send("status", statusData(), null);
		}
		finally {
			this.lock.unlock();
		}
	}

	/** {@code {"status": {"exec_info": {"queue_remaining": n}}}}. */
	public ObjectNode statusData() {
		ObjectNode data = NODES.objectNode();
		data.putObject("status").putObject("exec_info").put("queue_remaining", remaining());
		return data;
	}

	/** Pending plus running. */
	public int remaining() {
		this.lock.lock();
		try {
			return this.pending.items().size() + this.running.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** {@code GET /queue}. */
	public ObjectNode queueJson() {
		this.lock.lock();
		try {
			ObjectNode out = NODES.objectNode();
			ArrayNode run = out.putArray("queue_running");
			this.running.forEach((i) -> run.add(i.toJson(this.newer)));
			ArrayNode pend = out.putArray("queue_pending");
			this.pending.items().forEach((i) -> pend.add(i.toJson(this.newer)));
			return out;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The prompt ids now running. */
	public List<String> runningIds() {
		this.lock.lock();
		try {
			return this.running.stream().map(QueueItem::promptId).toList();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * {@code POST /queue {"clear": true}}: drops every pending item, one {@code status}.
	 */
	public void wipe() {
		this.lock.lock();
		try {
			this.pending.clear();
			this.bus.send("status", statusData(), null);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Removes the first pending item with this id (broadcasting {@code status}); unknown
	 * ids are ignored.
	 */
	public void delete(String promptId) {
		this.lock.lock();
		try {
			List<QueueItem> items = this.pending.items();
			for (int i = 0; i < items.size(); i++) {
				if (items.get(i).promptId().equals(promptId)) {
					if (items.size() == 1) {
						this.pending.clear();
					}
					else {
						this.pending.removeAt(i);
					}
					this.bus.send("status", statusData(), null);
					return;
				}
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The finished prompts. */
	public History history() {
		return this.history;
	}

}
