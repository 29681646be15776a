package io.vstage.simulator.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.vstage.simulator.catalog.CatalogSnapshot;
import io.vstage.simulator.catalog.NodeClass;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One prompt's execution: ComfyUI's {@code PromptExecutor.execute} with simulated nodes.
 */
final class PromptRun {

	/**
	 * How the run ended.
	 *
	 * @param outcome {@code success}, {@code error} or {@code interrupted}
	 * @param messages the recorded {@code [event, data]} pairs
	 * @param ui the UI outputs for history, by node id
	 */
	record Result(String outcome, ArrayNode messages, Map<String, ObjectNode> ui) {
	}

	private final QueueItem item;

	private final Engine engine;

	private final CatalogSnapshot catalog;

	private final RunMessages messages;

	private final ProgressTracker progress;

	private final Map<String, List<Object>> values = new LinkedHashMap<>();

	private final Set<String> executed = new LinkedHashSet<>();

	private final Map<String, ObjectNode> ui = new LinkedHashMap<>();

	private Map<String, String> signatures;

	private Pacing pacing;

	PromptRun(QueueItem item, Engine engine, CatalogSnapshot catalog) {
		this.item = item;
		this.engine = engine;
		this.catalog = catalog;
		this.messages = new RunMessages(engine.bus(), item.clientId(), item.promptId());
		this.progress = new ProgressTracker(item.promptId());
	}

	Result run() {
		this.engine.bus().running(this.item.clientId());
		this.messages.record("execution_start", this.messages.data(), false);
		this.signatures = OutputCache.signatures(this.item.prompt(), this.engine::fileHash);
		List<String> cached = new ArrayList<>();
		this.item.prompt().propertyNames().forEach((id) -> {
			if (cachedEntry(id).isPresent()) {
				cached.add(id);
			}
		});
		ObjectNode cachedData = JsonNodeFactory.instance.objectNode();
		cachedData.set("nodes", RunMessages.ids(cached));
		cachedData.put("prompt_id", this.item.promptId());
		this.messages.record("execution_cached", cachedData, false);
		ExecutionOrder order = new ExecutionOrder(this.item.prompt(), this::isOutput);
		this.item.outputs().forEach((o) -> order.add(o, (id) -> cachedEntry(id).isPresent()));
		this.pacing = new Pacing(this.engine.settings(), this.item.prompt(), order.pendingIds(),
				(id) -> cachedEntry(id).isPresent());
		String outcome = "success";
		try {
			for (Optional<String> next = order.next(); next.isPresent(); next = order.next()) {
				executeNode(next.get());
				this.executed.add(next.get());
				order.complete(next.get());
			}
			this.pacing.finish();
			this.messages.record("execution_success", this.messages.data(), false);
		}
		catch (InterruptedAt ex) {
			outcome = "interrupted";
			ObjectNode data = failureData(ex.nodeId());
			this.messages.record("execution_interrupted", data, true);
		}
		catch (NodeFailureAt ex) {
			outcome = "error";
			this.messages.record("execution_error", ExecutionErrors.data(failureData(ex.nodeId()), ex.failure(),
					this.item.prompt(), this.values, cached), false);
		}
		this.engine.cache().retainOnly(Set.copyOf(this.signatures.values()));
		return new Result(outcome, this.messages.recorded(), historyUi());
	}

	private void executeNode(String id) {
		NodeClass cls = nodeClass(id);
		Optional<OutputCache.Entry> cached = cachedEntry(id);
		if (cached.isPresent()) {
			this.messages.executedNode(id, cached.get().ui().orElse(null));
			this.messages.progress("progress_state", this.progress.finish(id));
			this.values.put(id, cached.get().values());
			cached.get().ui().ifPresent((ui) -> this.ui.put(id, ui));
			return;
		}
		this.messages.progress("progress_state", this.progress.start(id));
		this.engine.bus().executing(id);
		this.messages.executing(id);
		FaultPlan faults = this.engine.faults();
		if (faults.dropSocketsAt(id, cls.name()) && this.item.clientId() != null) {
			this.engine.bus().dropSockets(this.item.clientId());
		}
		checkInterrupt(id);
		JsonNode declared = this.item.prompt().get(id).path("inputs");
		// upstream nodes served from the cache were never staged: take their values from
		// it
		declared.values().forEach((v) -> {
			if (v.isArray() && v.size() == 2 && !this.values.containsKey(v.get(0).asString(""))) {
				cachedEntry(v.get(0).asString("")).ifPresent((e) -> this.values.put(v.get(0).asString(), e.values()));
			}
		});
		Map<String, Object> inputs = NodeInputs.resolve(declared, this.values);
		Optional<FaultPlan.InjectedError> injected = faults.errorAt(id, cls.name());
		if (injected.isPresent()) {
			throw new NodeFailureAt(id, new NodeFailure(injected.get().type(), injected.get().message()));
		}
		this.pacing.node(faults.extraNodeDelay());
		if (cls.declares("steps") && inputs.get("steps") instanceof Number steps) {
			sample(id, steps.longValue(), inputs);
		}
		OutputCache.Entry entry;
		try {
			entry = this.engine.behaviour().run(id, cls, inputs, pngText());
		}
		catch (NodeFailure ex) {
			throw new NodeFailureAt(id, ex);
		}
		catch (RuntimeException ex) {
			// a simulator fault (disk full…) still ends the prompt the way ComfyUI
			// reports any exception
			throw new NodeFailureAt(id, new NodeFailure("Exception", String.valueOf(ex)));
		}
		this.values.put(id, entry.values());
		this.engine.cache().put(this.signatures.get(id), entry);
		entry.ui().ifPresent((ui) -> {
			this.ui.put(id, ui);
			this.messages.executedNode(id, ui);
		});
		this.messages.progress("progress_state", this.progress.finish(id));
	}

	private void sample(String id, long steps, Map<String, Object> inputs) {
		for (long step = 1; step <= steps; step++) {
			this.pacing.step();
			checkInterrupt(id);
			this.messages.progress("progress_state", this.progress.update(id, step, steps));
			ObjectNode tick = JsonNodeFactory.instance.objectNode();
			tick.put("value", step);
			tick.put("max", steps);
			tick.put("prompt_id", this.item.promptId());
			tick.put("node", id);
			if (this.engine.settings().previews()) {
				this.messages.preview(Previewer.jpeg(inputs), id);
			}
			this.messages.progress("progress", tick);
		}
	}

	/** SaveImage's metadata: the prompt, and each {@code extra_pnginfo} entry as JSON. */
	private Map<String, String> pngText() {
		Map<String, String> text = new LinkedHashMap<>();
		text.put("prompt", this.item.prompt().toString());
		this.item.extraData()
			.path("extra_pnginfo")
			.properties()
			.forEach((e) -> text.put(e.getKey(), e.getValue().toString()));
		return text;
	}

	private void checkInterrupt(String id) {
		if (this.engine.interruptRequested()) {
			throw new InterruptedAt(id);
		}
	}

	private ObjectNode failureData(String nodeId) {
		ObjectNode data = this.messages.data();
		data.put("node_id", nodeId);
		data.put("node_type", nodeClass(nodeId).name());
		data.set("executed", RunMessages.ids(this.executed));
		return data;
	}

	private Map<String, ObjectNode> historyUi() {
		if (this.engine.settings().newer()) {
			return this.ui;
		}
		// v0.3.64 lists every UI output still cached for this prompt's nodes, from
		// earlier runs too
		Map<String, ObjectNode> all = new LinkedHashMap<>(this.ui);
		for (String id : this.item.prompt().propertyNames()) {
			cachedEntry(id).flatMap(OutputCache.Entry::ui).ifPresent((ui) -> all.putIfAbsent(id, ui));
		}
		return all;
	}

	private Optional<OutputCache.Entry> cachedEntry(String id) {
		return this.engine.cache().get(this.signatures.get(id));
	}

	private NodeClass nodeClass(String id) {
		return this.catalog.get(this.item.prompt().get(id).path("class_type").asString()).orElseThrow();
	}

	private boolean isOutput(String id) {
		JsonNode node = this.item.prompt().get(id);
		return node != null && nodeClass(id).outputNode();
	}

}
