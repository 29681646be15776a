package io.vstage.simulator.execution;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finished prompts in completion order, capped at 10,000 like ComfyUI's; in memory only.
 */
public final class History {

	private static final int CAP = 10_000;

	private final LinkedHashMap<String, ObjectNode> entries = new LinkedHashMap<>();

	synchronized void record(String promptId, ObjectNode entry) {
		if (!this.entries.containsKey(promptId) && this.entries.size() >= CAP) {
			Iterator<String> oldest = this.entries.keySet().iterator();
			oldest.next();
			oldest.remove();
		}
		// like a Python dict, an existing id keeps its position and gets the new entry
		this.entries.put(promptId, entry);
	}

	/** {@code GET /history/{id}}: a copy of the entry, if finished. */
	public synchronized Optional<ObjectNode> get(String promptId) {
		return Optional.ofNullable(this.entries.get(promptId)).map(ObjectNode::deepCopy);
	}

	/**
	 * {@code GET /history}: ComfyUI's window over completion order.
	 * @param maxItems {@code max_items}, or null
	 * @param offset {@code offset}, or -1 when absent (then {@code max_items} alone gives
	 * the last entries)
	 * @return prompt id to entry
	 */
	public synchronized ObjectNode window(Integer maxItems, int offset) {
		ObjectNode out = JsonNodeFactory.instance.objectNode();
		int start = (offset < 0 && maxItems != null) ? this.entries.size() - maxItems : offset;
		int i = 0;
		for (Map.Entry<String, ObjectNode> e : this.entries.entrySet()) {
			if (i >= start) {
				out.set(e.getKey(), e.getValue().deepCopy());
				if (maxItems != null && out.size() >= maxItems) {
					break;
				}
			}
			i++;
		}
		return out;
	}

	/** {@code POST /history}: clear and/or delete entries; unknown ids are ignored. */
	public synchronized void edit(boolean clear, List<String> delete) {
		if (clear) {
			this.entries.clear();
		}
		delete.forEach(this.entries::remove);
	}

}
