package io.vstage.simulator.execution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import io.vstage.simulator.catalog.CatalogSnapshot;
import io.vstage.simulator.files.FileStore;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The single worker that takes prompts from the queue, runs them and writes history. */
public final class Engine implements AutoCloseable {

	private static final System.Logger LOG = System.getLogger(Engine.class.getName());

	private final MessageBus bus;

	private final PromptQueue queue;

	private final OutputCache cache = new OutputCache();

	private final NodeBehaviour behaviour;

	private final Supplier<CatalogSnapshot> catalog;

	private final Supplier<ExecutionSettings> settings;

	private final FaultPlan faults;

	private final RunListener listener;

	private final Function<String, java.util.Optional<Path>> images;

	private final Thread worker;

	private volatile boolean interrupt;

	/**
	 * Starts the worker.
	 * @param bus the WebSocket bus
	 * @param queue the queue to take from
	 * @param files the folders
	 * @param catalog the current catalogue
	 * @param settings the current timing settings
	 * @param faults planned faults
	 * @param listener told when prompts start and finish
	 */
	public Engine(MessageBus bus, PromptQueue queue, FileStore files, Supplier<CatalogSnapshot> catalog,
			Supplier<ExecutionSettings> settings, FaultPlan faults, RunListener listener) {
		this.bus = bus;
		this.queue = queue;
		this.images = files::resolveAnnotated;
		this.behaviour = new NodeBehaviour(files.output(), files.temp(), new InputImages(this.images));
		this.catalog = catalog;
		this.settings = settings;
		this.faults = faults;
		this.listener = listener;
		this.worker = Thread.ofPlatform().name("comfyui-sim-worker").daemon().start(this::work);
	}

	/** Sets the interrupt flag, checked before each node and at each sampler step. */
	public void interrupt() {
		this.interrupt = true;
	}

	private void work() {
		while (!Thread.currentThread().isInterrupted()) {
			QueueItem item;
			try {
				item = this.queue.take();
			}
			catch (InterruptedException ex) {
				return;
			}
			this.listener.started(item.promptId(), Instant.now());
			this.interrupt = false;
			PromptRun.Result result;
			try {
				result = new PromptRun(item, this, this.catalog.get()).run();
			}
			catch (RuntimeException ex) {
				// a simulator bug must not kill the only worker: the prompt ends as an
				// error
				LOG.log(System.Logger.Level.ERROR, "prompt " + item.promptId() + " failed in the simulator", ex);
				result = new PromptRun.Result("error", JsonNodeFactory.instance.arrayNode(), Map.of());
			}
			sleep(this.faults.historyDelay());
			this.queue.taskDone(item, historyEntry(item, result));
			this.listener.finished(item.promptId(), Instant.now(), result.outcome());
			if (item.clientId() != null) {
				ObjectNode done = JsonNodeFactory.instance.objectNode();
				done.putNull("node");
				done.put("prompt_id", item.promptId());
				this.bus.send("executing", done, item.clientId());
			}
			this.bus.executing(null);
		}
	}

	private ObjectNode historyEntry(QueueItem item, PromptRun.Result result) {
		ObjectNode entry = JsonNodeFactory.instance.objectNode();
		entry.set("prompt", item.toJson(true));
		ObjectNode outputs = entry.putObject("outputs");
		ObjectNode status = entry.putObject("status");
		boolean success = "success".equals(result.outcome());
		status.put("status_str", success ? "success" : "error");
		status.put("completed", success);
		status.set("messages", result.messages());
		ObjectNode meta = entry.putObject("meta");
		for (Map.Entry<String, ObjectNode> ui : result.ui().entrySet()) {
			ObjectNode output = ui.getValue().deepCopy();
			if (settings().newer()) {
				// newer servers add asset ids to output entries; clients must ignore
				// unknown keys
				output.path("images")
					.values()
					.forEach((image) -> ((ObjectNode) image).put("id", UUID.randomUUID().toString())
						.putNull("preview_id"));
			}
			outputs.set(ui.getKey(), output);
			ObjectNode m = meta.putObject(ui.getKey());
			m.put("node_id", ui.getKey());
			m.put("display_node", ui.getKey());
			m.putNull("parent_node");
			m.put("real_node_id", ui.getKey());
		}
		return entry;
	}

	String fileHash(String imageName) {
		return this.images.apply(imageName).filter(Files::isRegularFile).map((p) -> {
			try {
				return FileStore.sha256(Files.readAllBytes(p));
			}
			catch (IOException ex) {
				return "unreadable";
			}
		}).orElse("missing");
	}

	MessageBus bus() {
		return this.bus;
	}

	OutputCache cache() {
		return this.cache;
	}

	NodeBehaviour behaviour() {
		return this.behaviour;
	}

	FaultPlan faults() {
		return this.faults;
	}

	ExecutionSettings settings() {
		return this.settings.get();
	}

	boolean interruptRequested() {
		return this.interrupt;
	}

	private static void sleep(Duration d) {
		if (!d.isZero() && !d.isNegative()) {
			try {
				Thread.sleep(d);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Stops the worker; a prompt in progress is abandoned, as when a server process dies.
	 */
	@Override
	public void close() {
		this.worker.interrupt();
		this.interrupt = true;
		try {
			this.worker.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
