package io.vstage.simulator.execution;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ComfyUI's {@code ExecutionList}: nodes staged from the outputs backwards (cached
 * sources are not staged), then picked one at a time among the unblocked ones, preferring
 * output nodes and the nodes that lead to them soonest.
 */
final class ExecutionOrder {

	private final ObjectNode prompt;

	private final Predicate<String> isOutput;

	private final Map<String, Boolean> pending = new LinkedHashMap<>();

	private final Map<String, Integer> blockCount = new HashMap<>();

	private final Map<String, Set<String>> blocking = new HashMap<>();

	ExecutionOrder(ObjectNode prompt, Predicate<String> isOutput) {
		this.prompt = prompt;
		this.isOutput = isOutput;
	}

	void add(String output, Predicate<String> isCached) {
		Deque<String> ids = new ArrayDeque<>(List.of(output));
		List<String[]> links = new ArrayList<>();
		while (!ids.isEmpty()) {
			String id = ids.removeFirst();
			if (this.pending.containsKey(id)) {
				continue;
			}
			this.pending.put(id, Boolean.TRUE);
			this.blockCount.put(id, 0);
			this.blocking.putIfAbsent(id, new LinkedHashSet<>());
			for (Map.Entry<String, JsonNode> input : this.prompt.get(id).path("inputs").properties()) {
				JsonNode value = input.getValue();
				if (value.isArray() && value.size() == 2 && value.get(0).isString()) {
					String from = value.get(0).asString();
					if (!isCached.test(from)) {
						ids.addLast(from);
						links.add(new String[] { from, id });
					}
				}
			}
		}
		for (String[] link : links) {
			Set<String> blocked = this.blocking.computeIfAbsent(link[0], (k) -> new LinkedHashSet<>());
			if (blocked.add(link[1])) {
				this.blockCount.merge(link[1], 1, Integer::sum);
			}
		}
	}

	List<String> pendingIds() {
		return List.copyOf(this.pending.keySet());
	}

	/** The next node to run, or empty when nothing is left. */
	Optional<String> next() {
		List<String> ready = this.pending.keySet().stream().filter((id) -> this.blockCount.get(id) == 0).toList();
		if (ready.isEmpty()) {
			return Optional.empty();
		}
		for (String id : ready) {
			if (this.isOutput.test(id)) {
				return Optional.of(id);
			}
		}
		for (String id : ready) {
			if (this.blocking.get(id).stream().anyMatch(this.isOutput)) {
				return Optional.of(id);
			}
		}
		for (String id : ready) {
			for (String blocked : this.blocking.get(id)) {
				if (this.blocking.getOrDefault(blocked, Set.of()).stream().anyMatch(this.isOutput)) {
					return Optional.of(id);
				}
			}
		}
		return Optional.of(ready.get(0));
	}

	void complete(String id) {
		this.pending.remove(id);
		for (String blocked : this.blocking.getOrDefault(id, Set.of())) {
			this.blockCount.merge(blocked, -1, Integer::sum);
		}
	}

}
